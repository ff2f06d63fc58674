/** Strings of the scenarios concern (both languages, same keys). */
export const scenarios = {
  en: {} as Record<string, string>,
  zh: {} as Record<string, string>,
};
