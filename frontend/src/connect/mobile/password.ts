// The e-CPS password chosen on the phone: at least 8 characters (NIST SP 800-63B:
// length, no composition rules), typed twice.

/** passwordProblem checks the new e-CPS password (NIST: length, not composition rules). */
export function passwordProblem(password: string, again: string): { field: "password" | "again"; message: string } | null {
    if (password.length < 8) {
        return { field: "password", message: "Votre mot de passe e-CPS doit compter au moins 8 caractères." };
    }
    if (password !== again) {
        return { field: "again", message: "Les deux mots de passe ne sont pas identiques." };
    }
    return null;
}
