const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed uuid, so that nothing else reaches a uuid column and fails there as an internal error. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Text for an ILIKE pattern, with its wildcards taken literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
