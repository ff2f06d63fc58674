/** Strings of the stage concern (both languages, same keys). */
export const stage = {
  en: {} as Record<string, string>,
  zh: {} as Record<string, string>,
};
