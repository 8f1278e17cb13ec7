//go:build !unix

package attestation

func processCPU() int64 { return 0 }
