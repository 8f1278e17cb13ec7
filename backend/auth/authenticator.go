package auth

import (
	"context"
	"fmt"

	"erpps/backend/erpps"
)

// dummyHash is verified when the login is unknown, so that a reply takes as
// long whether the login exists or not (same parameters as HashPassword).
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$Ag4p6U80tcXu2xSjvaq1cA$VIWIzzpMJvyJMMs3Ifq9BCNrGBHJzONfa4x0o76auFo"

// MsgBadCredentials is the one reply to every failed sign-in.
const MsgBadCredentials = "Identifiant ou mot de passe incorrect."

// PasswordAuthenticator signs in with a login and a password checked against
// the account's argon2id hash. Unknown login, wrong password and disabled
// account get the same EUNAUTHORIZED error after the same work.
type PasswordAuthenticator struct {
	Accounts erpps.AccountStore
}

var _ erpps.Authenticator = (*PasswordAuthenticator)(nil)

// Authenticate implements erpps.Authenticator.
func (p *PasswordAuthenticator) Authenticate(ctx context.Context, c erpps.Credentials) (*erpps.Account, error) {
	if c.Login == "" || c.Password == "" || len(c.Login) > 320 {
		return nil, badCredentials()
	}
	acct, hash, err := p.Accounts.FindAccountByLogin(ctx, c.Login)
	switch {
	case erpps.ErrorCode(err) == erpps.ENOTFOUND:
		_, _ = VerifyPassword(dummyHash, c.Password)
		return nil, badCredentials()
	case err != nil:
		return nil, fmt.Errorf("auth: unable to find an account: %w", err)
	}
	ok, err := VerifyPassword(hash, c.Password)
	if err != nil {
		return nil, erpps.Internal(fmt.Errorf("auth: stored hash of account %s: %w", acct.ID, err))
	}
	if !ok || acct.Disabled {
		return nil, badCredentials()
	}
	return acct, nil
}

func badCredentials() *erpps.Error { return erpps.Errorf(erpps.EUNAUTHORIZED, MsgBadCredentials) }
