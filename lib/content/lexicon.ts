/**
 * Small typed word lists the extraction rules rely on. General English and world knowledge only:
 * nothing here is specific to one source document.
 */

/** Military ranks and civil titles that precede a name, longest first so "Major General" wins over "Major". */
export const RANKS: readonly string[] = [
  'Lieutenant General', 'Major General', 'Brigadier General', 'General of the Army', 'Rear Admiral', 'Vice Admiral',
  'Lieutenant Colonel', 'Lieutenant Commander', 'Air Chief Marshal', 'Air Marshal', 'Air Vice-Marshal', 'Field Marshal',
  'Secretary General', 'Deputy Secretary General', 'Prime Minister', 'Vice President', 'Chief Justice',
  'General', 'Admiral', 'Colonel', 'Major', 'Captain', 'Commander', 'Lieutenant', 'Sergeant', 'Corporal', 'Brigadier', 'Commodore',
  'President', 'Chancellor', 'Senator', 'Governor', 'Ambassador', 'Minister', 'Secretary', 'Director', 'Chairman', 'Chairwoman',
  'King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Empress', 'Pope', 'Bishop', 'Archbishop', 'Saint',
  'Professor', 'Dr', 'Dr.', 'Sir', 'Dame', 'Lord', 'Lady', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.',
  'Astronaut', 'Cosmonaut', 'Pilot',
]

/** Ranks that are military (used to pick distractor ranks of the same kind). */
export const MILITARY_RANKS: readonly string[] = [
  'Lieutenant General', 'Major General', 'Brigadier General', 'Rear Admiral', 'Vice Admiral', 'Lieutenant Colonel',
  'General', 'Admiral', 'Colonel', 'Major', 'Captain', 'Commander', 'Lieutenant', 'Brigadier', 'Commodore',
]

export const COUNTRIES: readonly string[] = [
  'Afghanistan', 'Albania', 'Algeria', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan', 'Bahrain', 'Belgium',
  'Bosnia and Herzegovina', 'Brazil', 'Bulgaria', 'Canada', 'Chile', 'China', 'Colombia', 'Croatia', 'Cuba', 'Cyprus',
  'Czech Republic', 'Czechia', 'Denmark', 'Egypt', 'Estonia', 'Ethiopia', 'Finland', 'France', 'Georgia', 'Germany', 'Greece',
  'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Japan', 'Jordan', 'Kazakhstan',
  'Kenya', 'Kosovo', 'Kuwait', 'Latvia', 'Lebanon', 'Libya', 'Lithuania', 'Luxembourg', 'Mexico', 'Moldova', 'Montenegro',
  'Morocco', 'Netherlands', 'New Zealand', 'Nigeria', 'North Macedonia', 'Norway', 'Pakistan', 'Poland', 'Portugal', 'Qatar',
  'Romania', 'Russia', 'Saudi Arabia', 'Serbia', 'Slovakia', 'Slovenia', 'South Africa', 'South Korea', 'Spain', 'Sweden',
  'Switzerland', 'Syria', 'Tunisia', 'Turkey', 'Türkiye', 'Ukraine', 'United Arab Emirates', 'United Kingdom',
  'United States', 'Vietnam', 'Yemen',
]

export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]

/** Head nouns of named occasions: "at the Brussels Summit", "at the Paris Conference". */
export const OCCASION_HEADS: readonly string[] = [
  'Summit', 'Conference', 'Congress', 'Convention', 'Meeting', 'Games', 'Olympics', 'Assembly', 'Council', 'Forum',
  'Exhibition', 'Exposition', 'Fair', 'Festival', 'Ceremony', 'Battle', 'Treaty', 'Symposium', 'Championship',
]

/** Nouns that end the name of an institution or organisation. */
export const INSTITUTION_HEADS: readonly string[] = [
  'School', 'Academy', 'University', 'College', 'Institute', 'Centre', 'Center', 'Ministry', 'Office', 'Department',
  'Agency', 'Command', 'Headquarters', 'Council', 'Committee', 'Commission', 'Union', 'Nations', 'Organisation',
  'Organization', 'Coalition', 'Alliance', 'Society', 'Laboratory', 'Observatory', 'Museum', 'Hospital', 'Bank', 'Court',
  'Parliament', 'Foundation', 'Association', 'Service', 'Force', 'Forces', 'Corps', 'Mission', 'Team',
]

/** Words that start an adverbial phrase rather than a subject ("In July 2015, …", "Then, …"). */
export const ADVERBIAL_STARTS = new Set([
  'in', 'on', 'at', 'after', 'before', 'during', 'since', 'by', 'with', 'under', 'from', 'for', 'following', 'then',
  'furthermore', 'however', 'additionally', 'also', 'upon', 'later', 'finally', 'meanwhile', 'thereafter', 'subsequently',
  'moreover', 'initially', 'eventually', 'today', 'now', 'when', 'while', 'as', 'although', 'because', 'according', 'despite',
  'unlike', 'like', 'throughout', 'within', 'until', 'over', 'around', 'soon', 'shortly', 'nevertheless', 'thus', 'therefore',
])

export const PRONOUNS = new Set(['it', 'he', 'she', 'they', 'this', 'its'])

export const PREPOSITIONS = new Set([
  'from', 'of', 'in', 'to', 'at', 'for', 'with', 'by', 'on', 'into', 'across', 'within', 'including', 'during', 'under',
  'over', 'between', 'among', 'through', 'alongside', 'without', 'as', 'per', 'via', 'after', 'before', 'since',
])
