// The « Serveur eRPPS » page's form: its fields, as Go names them in its
// field errors (the checks are Go's: App.ConnectServer).

export type Field = "url" | "caFile" | "login" | "password";
export type Errors = Partial<Record<Field, string>>;
