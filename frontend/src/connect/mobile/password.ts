// The e-CPS password chosen on the phone is typed twice. Its rules (length,
// no composition rules: NIST SP 800-63B) are the server's alone
// (backend/ecps); the page only checks that both typings are the same.

/** passwordProblem says when the two typings of the new e-CPS password differ. */
export function passwordProblem(password: string, again: string): { field: "again"; message: string } | null {
    if (password !== again) {
        return { field: "again", message: "Les deux mots de passe ne sont pas identiques." };
    }
    return null;
}
