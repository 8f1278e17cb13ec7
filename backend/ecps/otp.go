package ecps

import (
	"context"
	"time"

	"erpps/backend/otp"
)

// OTPCodes are the activation codes of backend/otp.
type OTPCodes struct{ Issuer *otp.Issuer }

var _ Codes = OTPCodes{}

// Issue implements Codes.
func (o OTPCodes) Issue(ctx context.Context, r CodeRequest) (time.Duration, error) {
	return o.Issuer.Issue(ctx, otp.Request{Purpose: otp.PurposeActivation, Subject: r.Subject, Channel: r.Channel,
		Recipient: r.To, ClientAddr: r.ClientAddr, Name: r.Name})
}

// Decoy implements Codes.
func (o OTPCodes) Decoy(ctx context.Context, r CodeRequest) (time.Duration, error) {
	return o.Issuer.IssueDecoy(ctx, otp.Request{Purpose: otp.PurposeActivation, Subject: r.Subject, Channel: r.Channel,
		ClientAddr: r.ClientAddr})
}

// Verify implements Codes: the code must have gone by channel (it confirms
// that contact detail); a new code on either channel revokes the other.
func (o OTPCodes) Verify(ctx context.Context, subject, channel, code string) error {
	return o.Issuer.VerifyChannel(ctx, otp.PurposeActivation, subject, channel, code)
}
