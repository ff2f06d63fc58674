/** Strings of the controls concern (both languages, same keys). */
export const controls = {
  en: {} as Record<string, string>,
  zh: {} as Record<string, string>,
};
