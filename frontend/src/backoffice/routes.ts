// The back office's routes (hash routing: #/file?statut=…, #/demandes/<id>).

export const boPaths = {
    home: "/",
    queue: (search = "") => `/file${search}`,
    case: (id: string) => `/demandes/${encodeURIComponent(id)}`
} as const;
