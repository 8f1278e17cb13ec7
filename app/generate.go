package app

// The TypeScript side of the wire contract (frontend/src/api/types.gen.ts)
// is written from the Go types by TestWireContract.
//go:generate go test . -run TestWireContract -update
