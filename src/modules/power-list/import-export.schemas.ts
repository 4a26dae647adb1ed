// Placeholder while this module is being written.
export const powerListImportSchemas: object[] = [];
