/**
 * Country names and codes for REL TO lists.
 *
 * Cables often name the country in words (`REL FRANCE`, `Rel to Kenya`); CAPCO wants GENC
 * trigraphs (which equal ISO 3166-1 alpha-3 for the countries listed here, except Kosovo `XKS`).
 * The table covers the sovereign states plus common short and old names; it is not the full GENC
 * register (territories are left out). Unknown 3–4 letter codes are kept by the REL TO parser
 * with a note; unknown names are an error (fail closed).
 */

/** GENC trigraph for every name (upper case, single spaces) we accept. */
const NAME_TO_TRIGRAPH: ReadonlyArray<readonly [string, string]> = [
  ['AFGHANISTAN', 'AFG'], ['ALBANIA', 'ALB'], ['ALGERIA', 'DZA'], ['ANDORRA', 'AND'], ['ANGOLA', 'AGO'],
  ['ANTIGUA AND BARBUDA', 'ATG'], ['ARGENTINA', 'ARG'], ['ARMENIA', 'ARM'], ['AUSTRALIA', 'AUS'],
  ['AUSTRIA', 'AUT'], ['AZERBAIJAN', 'AZE'], ['BAHAMAS', 'BHS'], ['THE BAHAMAS', 'BHS'], ['BAHRAIN', 'BHR'],
  ['BANGLADESH', 'BGD'], ['BARBADOS', 'BRB'], ['BELARUS', 'BLR'], ['BELGIUM', 'BEL'], ['BELIZE', 'BLZ'],
  ['BENIN', 'BEN'], ['BHUTAN', 'BTN'], ['BOLIVIA', 'BOL'], ['BOSNIA AND HERZEGOVINA', 'BIH'], ['BOSNIA', 'BIH'],
  ['BOTSWANA', 'BWA'], ['BRAZIL', 'BRA'], ['BRUNEI', 'BRN'], ['BULGARIA', 'BGR'], ['BURKINA FASO', 'BFA'],
  ['BURMA', 'MMR'], ['MYANMAR', 'MMR'], ['BURUNDI', 'BDI'], ['CABO VERDE', 'CPV'], ['CAPE VERDE', 'CPV'],
  ['CAMBODIA', 'KHM'], ['CAMEROON', 'CMR'], ['CANADA', 'CAN'], ['CENTRAL AFRICAN REPUBLIC', 'CAF'],
  ['CHAD', 'TCD'], ['CHILE', 'CHL'], ['CHINA', 'CHN'], ['COLOMBIA', 'COL'], ['COMOROS', 'COM'],
  ['CONGO', 'COG'], ['DEMOCRATIC REPUBLIC OF THE CONGO', 'COD'], ['DRC', 'COD'], ['COSTA RICA', 'CRI'],
  ["COTE D'IVOIRE", 'CIV'], ['IVORY COAST', 'CIV'], ['CROATIA', 'HRV'], ['CUBA', 'CUB'], ['CYPRUS', 'CYP'],
  ['CZECH REPUBLIC', 'CZE'], ['CZECHIA', 'CZE'], ['DENMARK', 'DNK'], ['DJIBOUTI', 'DJI'], ['DOMINICA', 'DMA'],
  ['DOMINICAN REPUBLIC', 'DOM'], ['ECUADOR', 'ECU'], ['EGYPT', 'EGY'], ['EL SALVADOR', 'SLV'],
  ['EQUATORIAL GUINEA', 'GNQ'], ['ERITREA', 'ERI'], ['ESTONIA', 'EST'], ['ESWATINI', 'SWZ'], ['SWAZILAND', 'SWZ'],
  ['ETHIOPIA', 'ETH'], ['FIJI', 'FJI'], ['FINLAND', 'FIN'], ['FRANCE', 'FRA'], ['GABON', 'GAB'],
  ['GAMBIA', 'GMB'], ['THE GAMBIA', 'GMB'], ['GEORGIA', 'GEO'], ['GERMANY', 'DEU'], ['GHANA', 'GHA'],
  ['GREECE', 'GRC'], ['GRENADA', 'GRD'], ['GUATEMALA', 'GTM'], ['GUINEA', 'GIN'], ['GUINEA-BISSAU', 'GNB'],
  ['GUINEA BISSAU', 'GNB'], ['GUYANA', 'GUY'], ['HAITI', 'HTI'], ['HONDURAS', 'HND'], ['HUNGARY', 'HUN'],
  ['ICELAND', 'ISL'], ['INDIA', 'IND'], ['INDONESIA', 'IDN'], ['IRAN', 'IRN'], ['IRAQ', 'IRQ'],
  ['IRELAND', 'IRL'], ['ISRAEL', 'ISR'], ['ITALY', 'ITA'], ['JAMAICA', 'JAM'], ['JAPAN', 'JPN'],
  ['JORDAN', 'JOR'], ['KAZAKHSTAN', 'KAZ'], ['KENYA', 'KEN'], ['KIRIBATI', 'KIR'], ['KOSOVO', 'XKS'],
  ['KUWAIT', 'KWT'], ['KYRGYZSTAN', 'KGZ'], ['KYRGYZ REPUBLIC', 'KGZ'], ['LAOS', 'LAO'], ['LATVIA', 'LVA'],
  ['LEBANON', 'LBN'], ['LESOTHO', 'LSO'], ['LIBERIA', 'LBR'], ['LIBYA', 'LBY'], ['LIECHTENSTEIN', 'LIE'],
  ['LITHUANIA', 'LTU'], ['LUXEMBOURG', 'LUX'], ['MACEDONIA', 'MKD'], ['NORTH MACEDONIA', 'MKD'],
  ['MADAGASCAR', 'MDG'], ['MALAWI', 'MWI'], ['MALAYSIA', 'MYS'], ['MALDIVES', 'MDV'], ['MALI', 'MLI'],
  ['MALTA', 'MLT'], ['MARSHALL ISLANDS', 'MHL'], ['MAURITANIA', 'MRT'], ['MAURITIUS', 'MUS'], ['MEXICO', 'MEX'],
  ['MICRONESIA', 'FSM'], ['MOLDOVA', 'MDA'], ['MONACO', 'MCO'], ['MONGOLIA', 'MNG'], ['MONTENEGRO', 'MNE'],
  ['MOROCCO', 'MAR'], ['MOZAMBIQUE', 'MOZ'], ['NAMIBIA', 'NAM'], ['NAURU', 'NRU'], ['NEPAL', 'NPL'],
  ['NETHERLANDS', 'NLD'], ['THE NETHERLANDS', 'NLD'], ['HOLLAND', 'NLD'], ['NEW ZEALAND', 'NZL'],
  ['NICARAGUA', 'NIC'], ['NIGER', 'NER'], ['NIGERIA', 'NGA'], ['NORTH KOREA', 'PRK'], ['NORWAY', 'NOR'],
  ['OMAN', 'OMN'], ['PAKISTAN', 'PAK'], ['PALAU', 'PLW'], ['PANAMA', 'PAN'], ['PAPUA NEW GUINEA', 'PNG'],
  ['PARAGUAY', 'PRY'], ['PERU', 'PER'], ['PHILIPPINES', 'PHL'], ['POLAND', 'POL'], ['PORTUGAL', 'PRT'],
  ['QATAR', 'QAT'], ['ROMANIA', 'ROU'], ['RUSSIA', 'RUS'], ['RUSSIAN FEDERATION', 'RUS'], ['RWANDA', 'RWA'],
  ['SAINT KITTS AND NEVIS', 'KNA'], ['SAINT LUCIA', 'LCA'], ['SAINT VINCENT AND THE GRENADINES', 'VCT'],
  ['SAMOA', 'WSM'], ['SAN MARINO', 'SMR'], ['SAO TOME AND PRINCIPE', 'STP'], ['SAUDI ARABIA', 'SAU'],
  ['SENEGAL', 'SEN'], ['SERBIA', 'SRB'], ['SEYCHELLES', 'SYC'], ['SIERRA LEONE', 'SLE'], ['SINGAPORE', 'SGP'],
  ['SLOVAKIA', 'SVK'], ['SLOVENIA', 'SVN'], ['SOLOMON ISLANDS', 'SLB'], ['SOMALIA', 'SOM'],
  ['SOUTH AFRICA', 'ZAF'], ['SOUTH KOREA', 'KOR'], ['KOREA', 'KOR'], ['REPUBLIC OF KOREA', 'KOR'],
  ['SOUTH SUDAN', 'SSD'], ['SPAIN', 'ESP'], ['SRI LANKA', 'LKA'], ['SUDAN', 'SDN'], ['SURINAME', 'SUR'],
  ['SWEDEN', 'SWE'], ['SWITZERLAND', 'CHE'], ['SYRIA', 'SYR'], ['TAIWAN', 'TWN'], ['TAJIKISTAN', 'TJK'],
  ['TANZANIA', 'TZA'], ['THAILAND', 'THA'], ['TIMOR-LESTE', 'TLS'], ['TIMOR LESTE', 'TLS'], ['EAST TIMOR', 'TLS'],
  ['TOGO', 'TGO'],
  ['TONGA', 'TON'], ['TRINIDAD AND TOBAGO', 'TTO'], ['TUNISIA', 'TUN'], ['TURKEY', 'TUR'], ['TURKIYE', 'TUR'],
  ['TURKMENISTAN', 'TKM'], ['TUVALU', 'TUV'], ['UGANDA', 'UGA'], ['UKRAINE', 'UKR'],
  ['UNITED ARAB EMIRATES', 'ARE'], ['UAE', 'ARE'], ['UNITED KINGDOM', 'GBR'], ['UK', 'GBR'],
  ['GREAT BRITAIN', 'GBR'], ['BRITAIN', 'GBR'], ['UNITED STATES', 'USA'], ['US', 'USA'],
  ['URUGUAY', 'URY'], ['UZBEKISTAN', 'UZB'], ['VANUATU', 'VUT'], ['VATICAN', 'VAT'], ['HOLY SEE', 'VAT'],
  ['VENEZUELA', 'VEN'], ['VIETNAM', 'VNM'], ['VIET NAM', 'VNM'], ['YEMEN', 'YEM'], ['ZAMBIA', 'ZMB'],
  ['ZIMBABWE', 'ZWE'],
];

const NAMES = new Map(NAME_TO_TRIGRAPH);

/** The trigraphs the table knows (so `GBR` is recognised as a code, not an unknown word). */
const TRIGRAPHS: ReadonlySet<string> = new Set(NAME_TO_TRIGRAPH.map(([, code]) => code));

/**
 * Tetragraphs (organisations and coalitions) from the CAPCO register annex. `FVEY`, `ACGU` and
 * `TEYE` have fixed members and may be expanded when intersecting lists (CAPCO §D.2).
 */
export const TETRAGRAPHS: ReadonlySet<string> = new Set([
  'ACGU', 'APFS', 'BWCS', 'CFCK', 'CMFC', 'CMFP', 'CPMT', 'CWCS', 'EFOR', 'EUDA', 'FVEY', 'GCTF', 'GMIF',
  'IESC', 'ISAF', 'KFOR', 'MCFI', 'MIFH', 'MLEC', 'NACT', 'NATO', 'OSTY', 'RMAD', 'SPAA', 'TEYE', 'UNCK',
]);

/** Fixed-membership tetragraphs and their members (USA included). */
export const TETRAGRAPH_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  FVEY: ['AUS', 'CAN', 'GBR', 'NZL', 'USA'],
  ACGU: ['AUS', 'CAN', 'GBR', 'USA'],
  TEYE: ['AUS', 'GBR', 'USA'],
};

/**
 * ISO 3166-1 alpha-3 codes of the territories and areas the name table leaves out (its countries'
 * codes are the rest of the standard), so that `REL TO USA, PRI` is not called unknown.
 */
const TERRITORY_TRIGRAPHS: ReadonlySet<string> = new Set([
  'ABW', 'AIA', 'ALA', 'ASM', 'ATA', 'ATF', 'BES', 'BLM', 'BMU', 'BVT', 'CCK', 'COK', 'CUW', 'CXR', 'CYM', 'ESH',
  'FLK', 'FRO', 'GGY', 'GIB', 'GLP', 'GRL', 'GUF', 'GUM', 'HKG', 'HMD', 'IMN', 'IOT', 'JEY', 'MAC', 'MAF', 'MNP',
  'MSR', 'MTQ', 'MYT', 'NCL', 'NFK', 'NIU', 'PCN', 'PRI', 'PSE', 'PYF', 'REU', 'SGS', 'SHN', 'SJM', 'SPM', 'SXM',
  'TCA', 'TKL', 'UMI', 'VGB', 'VIR', 'WLF',
]);

/**
 * True if `code` is on the closed list a REL TO list may name: `USA`, an ISO 3166-1 alpha-3 code
 * (GENC's `XKS` for Kosovo included) or a tetragraph of {@link TETRAGRAPHS}. `ROK` (Korea is
 * `KOR`) and `XYZ` are not: the grammar keeps them with a note, and lint says so.
 */
export function isKnownRelToCode(code: string): boolean {
  return code === 'USA' || TRIGRAPHS.has(code) || TERRITORY_TRIGRAPHS.has(code) || TETRAGRAPHS.has(code);
}

/** Longest multi-word country name in the table, in words (for greedy matching). */
export const MAX_NAME_WORDS = Math.max(...NAME_TO_TRIGRAPH.map(([n]) => n.split(' ').length));

/** How a REL TO item was recognised. */
export type CountryLookup =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'name'; readonly code: string }
  | { readonly kind: 'unknown-code'; readonly code: string }
  | { readonly kind: 'unknown' };

/**
 * Look up one REL TO item (upper case, words joined by single spaces): a known trigraph or
 * tetragraph, a country name, an unknown 3–4 letter code (kept, the caller adds a note), or unknown.
 */
export function lookupCountry(item: string): CountryLookup {
  if (TRIGRAPHS.has(item) || TETRAGRAPHS.has(item) || item === 'USA') return { kind: 'code', code: item };
  const byName = NAMES.get(item);
  if (byName) return { kind: 'name', code: byName };
  if (/^[A-Z]{3,4}$/.test(item)) return { kind: 'unknown-code', code: item };
  return { kind: 'unknown' };
}

/** True if some name in the table starts with these words (so the matcher should keep reading). */
export function isNamePrefix(words: string): boolean {
  for (const [name] of NAME_TO_TRIGRAPH) if (name.startsWith(words + ' ')) return true;
  return false;
}
