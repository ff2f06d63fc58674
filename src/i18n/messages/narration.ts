/** Strings of the narration concern (both languages, same keys). */
export const narration = {
  en: {} as Record<string, string>,
  zh: {} as Record<string, string>,
};
