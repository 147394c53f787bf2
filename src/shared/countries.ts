/**
 * Countries, named by their ISO 3166-1 alpha-2 codes (upper case): where a watch link works, and
 * the visitor's own country (src/http/language.ts), whose links come first.
 *
 * The codes are a fixed list, not `Intl.DisplayNames`: ICU names far more two-letter regions than
 * ISO 3166-1 assigns (EU, UN, ZZ "Unknown Region", the retired SU and YU, the user-assigned XK,
 * the pseudo-locales XA and XB), so "has a name" is no test of a country code; the names below are
 * only for showing a valid code in the interface language.
 */
import { currentLanguage } from '../i18n/context.js';

/** The 249 officially assigned ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance Agency, 2024), one line per first letter. */
const ASSIGNED = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ
EC EE EG EH ER ES ET
FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ
OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA
RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ
VA VC VE VG VI VN VU
WF WS
YE YT
ZA ZM ZW
`;

const CODES: ReadonlySet<string> = new Set(ASSIGNED.split(/\s+/).filter(Boolean));

/** What a country code looks like in a file or a form before it is looked up: two upper-case letters. */
export const COUNTRY_CODE_PATTERN = '^[A-Z]{2}$';
export const COUNTRY_CODE_RULE = 'a two-letter ISO 3166-1 country code in capitals, e.g. JP or US';

/** How many countries one watch link may name: every country there is. */
export const MAX_LINK_COUNTRIES = CODES.size;

export function isCountryCode(code: unknown): code is string {
  return typeof code === 'string' && CODES.has(code);
}

const names = new Map<string, Intl.DisplayNames>();

/** A country's name in the language in force ("Japan", "日本", "Japón"); the code itself if ICU has none. */
export function countryName(code: string, language: string = currentLanguage()): string {
  let display = names.get(language);
  if (!display) {
    display = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    names.set(language, display);
  }
  return display.of(code) ?? code;
}

/** Every country code, ordered by name in the language in force (for a chooser). */
export function countriesByName(language: string = currentLanguage()): string[] {
  const collator = new Intl.Collator(language);
  return [...CODES].sort((a, b) => collator.compare(countryName(a, language), countryName(b, language)));
}

/**
 * A list of countries as a person types it in a form or a CSV cell ("JP, us" or "JP US"): codes
 * in any case, separated by commas or spaces; repeats are dropped. Returns the codes in upper
 * case in the order given, or the first entry that is not a country code.
 */
export function readCountryList(text: string): { countries: string[] } | { notACountry: string } {
  const countries: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const code = entry.toUpperCase();
    if (!isCountryCode(code)) return { notACountry: entry };
    if (!countries.includes(code)) countries.push(code);
  }
  return { countries };
}
