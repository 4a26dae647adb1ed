// Placeholder while this module is being written.
export const powerListSchemas: object[] = [];
