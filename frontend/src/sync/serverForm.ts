// The « Serveur eRPPS » page's form: what is missing before asking the server.

export type Field = "url" | "caFile" | "login" | "password";
export type Errors = Partial<Record<Field, string>>;

/** checkForm finds what is missing before asking the server. */
export function checkForm(url: string, login: string, password: string): Errors {
    const errors: Errors = {};
    if (url.trim() === "") {
        errors.url = "Saisissez l'adresse du serveur eRPPS, par exemple https://erpps.sante.fr.";
    }
    if (login.trim() === "") {
        errors.login = "Saisissez votre identifiant.";
    }
    if (password === "") {
        errors.password = "Saisissez votre mot de passe.";
    }
    return errors;
}

