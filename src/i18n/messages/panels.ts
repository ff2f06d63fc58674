/** Strings of the panels concern (both languages, same keys). */
export const panels = {
  en: {} as Record<string, string>,
  zh: {} as Record<string, string>,
};
