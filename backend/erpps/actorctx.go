package erpps

import "context"

type actorKey struct{}

// WithActor returns ctx carrying who acts, for a store write whose method
// takes no actor (DeleteDraft): the desktop's replica records it on the
// mutation it sends to the server.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor ctx carries, if any.
func ActorFrom(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(Actor)
	return a, ok
}
