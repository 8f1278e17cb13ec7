// The back office's routes (hash routing: #/file?statut=…, #/demandes/<id>).

export const boPaths = {
    home: "/",
    queue: (search = "") => `/file${search}`,
    case: (id: string) => `/demandes/${encodeURIComponent(id)}`,
    registrations: (search = "") => `/inscriptions${search}`,
    registration: (id: string) => `/inscriptions/${encodeURIComponent(id)}`
} as const;
