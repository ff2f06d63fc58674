/** The layer table (tools/layers.mjs): each group may import itself and the groups before it. */
export const LAYERS: readonly (readonly string[])[];
