/**
 * The Python listings in the page's language: the comments in Chinese for a Chinese page (the same
 * code on the same lines, so a step highlights the same line), in English otherwise. The Chinese
 * text is downloaded when first needed, like the Chinese dictionaries: until it arrives, English.
 */
import { LISTINGS } from '../programs/listings.generated.ts';
import type { Listings } from '../programs/lines.ts';
import type { Lang } from '../i18n/index.ts';
import { loadedZhListings, useZhListings } from './listings-zh-state.ts';

/** The listings for `lang` as far as they are loaded (English until the Chinese ones arrive). */
export function listingsFor(lang: Lang): Listings {
  return (lang === 'zh' && loadedZhListings()) || LISTINGS;
}

/** The listings in the page's language; asks for the Chinese ones on a Chinese page. */
export function useListings(): Listings {
  return useZhListings() ?? LISTINGS;
}
