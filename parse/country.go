package parse

import (
	"strings"
)

// This file names countries. Sources write the same country many ways:
// Web of Science "Peoples R China", "USA", "England", "U Arab Emirates";
// Scopus "United States", "Russian Federation", "Viet Nam"; OpenAlex the
// ISO 3166 code "GB"; free-text addresses "U.S.A." or a US state and ZIP
// code with no country at all. Country maps each of them to one English
// short name, so that a corpus merged from several databases gives one node
// per country.
//
// England, Scotland, Wales and Northern Ireland become "United Kingdom":
// Scopus, OpenAlex (GB) and Crossref addresses name the state, not its
// constituent countries, so keeping WoS's four apart would split one
// country's papers by database (bibliometrix does the same; VOSviewer keeps
// WoS's names). The address text, and with it the constituent country,
// stays in Affiliation.Raw. Territories with their own ISO code (Hong
// Kong, Macao, Taiwan, Puerto Rico, Greenland, …) stay apart, as OpenAlex
// keeps them; WoS files Hong Kong addresses under "Peoples R China" and
// those stay China. Former states in old records (USSR, Yugoslavia,
// Czechoslovakia, East Germany) keep their names and former codes.

// countryTable lists, one country a line, its ISO 3166-1 alpha-2 code, the
// name Country returns, and other names sources use, separated by "|".
// Names are matched after Fold (case, accents and punctuation ignored).
const countryTable = `AD|Andorra
AE|United Arab Emirates|U Arab Emirates|UAE|Arab Emirates
AF|Afghanistan
AG|Antigua and Barbuda|Antigua & Barbu|Antigua
AI|Anguilla
AL|Albania
AM|Armenia
AO|Angola
AQ|Antarctica
AR|Argentina
AS|American Samoa
AT|Austria|Osterreich
AU|Australia
AW|Aruba
AX|Aland Islands
AZ|Azerbaijan
BA|Bosnia and Herzegovina|Bosnia & Herceg|Bosnia|Bosnia Herzegovina
BB|Barbados
BD|Bangladesh
BE|Belgium|Belgique|Belgie
BF|Burkina Faso|Burkina
BG|Bulgaria
BH|Bahrain
BI|Burundi
BJ|Benin
BM|Bermuda
BN|Brunei|Brunei Darussalam
BO|Bolivia|Plurinational State of Bolivia
BR|Brazil|Brasil
BS|Bahamas|The Bahamas
BT|Bhutan
BW|Botswana
BY|Belarus|Byelarus|Belorussia
BZ|Belize
CA|Canada
CD|Democratic Republic of the Congo|Dem Rep Congo|DR Congo|Congo Dem Rep|Zaire|Congo (Kinshasa)
CF|Central African Republic|Cent Afr Republ
CG|Congo|Republic of the Congo|Congo Peoples Rep|Rep Congo|Congo (Brazzaville)
CH|Switzerland|Schweiz|Suisse|Svizzera
CI|Cote d'Ivoire|Cote Ivoire|Ivory Coast
CL|Chile
CM|Cameroon
CN|China|Peoples R China|People's Republic of China|PR China|P R China|PRC
CO|Colombia
CR|Costa Rica
CU|Cuba
CV|Cape Verde|Cabo Verde
CW|Curacao
CY|Cyprus
CZ|Czech Republic|Czechia|Czech Rep
DE|Germany|Deutschland|Fed Rep Ger|Federal Republic of Germany|West Germany|FRG
DD|East Germany|Ger Dem Rep|German Democratic Republic|GDR
DJ|Djibouti
DK|Denmark|Danmark
DM|Dominica
DO|Dominican Republic|Dominican Rep
DZ|Algeria|Algerie
EC|Ecuador
EE|Estonia
EG|Egypt
ER|Eritrea
ES|Spain|Espana
ET|Ethiopia
FI|Finland|Suomi
FJ|Fiji
FK|Falkland Islands|Falkland Island
FM|Micronesia|Fed States Micronesia
FO|Faroe Islands|Faroe Island
FR|France
GA|Gabon
GB|United Kingdom|UK|U K|Great Britain|Britain|England|Scotland|Wales|North Ireland|Northern Ireland|United Kingdom of Great Britain and Northern Ireland
GD|Grenada
GE|Georgia|Rep of Georgia|Republic of Georgia
GF|French Guiana|Fr Guiana
GH|Ghana
GI|Gibraltar
GL|Greenland
GM|Gambia|The Gambia
GN|Guinea
GP|Guadeloupe
GQ|Equatorial Guinea|Equat Guinea
GR|Greece|Hellas
GT|Guatemala
GU|Guam
GW|Guinea-Bissau|Guinea Bissau
GY|Guyana
HK|Hong Kong|Hong Kong SAR|Hong Kong China
HN|Honduras
HR|Croatia|Hrvatska
HT|Haiti
HU|Hungary
ID|Indonesia
IE|Ireland|Irish Republic|Republic of Ireland|Eire
IL|Israel
IN|India
IQ|Iraq
IR|Iran|Islamic Republic of Iran|Iran Islamic Republic of
IS|Iceland
IT|Italy|Italia
JM|Jamaica
JO|Jordan
JP|Japan
KE|Kenya
KG|Kyrgyzstan|Kyrgyz Republic|Kirghizia
KH|Cambodia
KI|Kiribati
KM|Comoros
KN|Saint Kitts and Nevis|St Kitts & Nevi|St Kitts and Nevis
KP|North Korea|Korea Dem Peoples Rep|Democratic People's Republic of Korea|DPR Korea
KR|South Korea|Korea|Republic of Korea|Korea Republic of|Korea Rep|Rep of Korea|S Korea
KW|Kuwait
KY|Cayman Islands
KZ|Kazakhstan
LA|Laos|Lao People's Democratic Republic|Lao PDR
LB|Lebanon|Liban
LC|Saint Lucia|St Lucia
LI|Liechtenstein
LK|Sri Lanka
LR|Liberia
LS|Lesotho
LT|Lithuania
LU|Luxembourg
LV|Latvia
LY|Libya|Libyan Arab Jamahiriya
MA|Morocco|Maroc
MC|Monaco
MD|Moldova|Republic of Moldova|Moldova Republic of
ME|Montenegro
MG|Madagascar
MH|Marshall Islands|Marshall Island
MK|North Macedonia|Macedonia|Republic of North Macedonia|Former Yugoslav Republic of Macedonia|Rep of North Macedonia
ML|Mali
MM|Myanmar|Burma
MN|Mongolia
MO|Macao|Macau
MQ|Martinique
MR|Mauritania
MT|Malta
MU|Mauritius
MV|Maldives
MW|Malawi
MX|Mexico
MY|Malaysia
MZ|Mozambique
NA|Namibia
NC|New Caledonia
NE|Niger
NG|Nigeria
NI|Nicaragua
NL|Netherlands|The Netherlands|Holland|Nederland
NO|Norway|Norge
NP|Nepal
NZ|New Zealand
OM|Oman
PA|Panama
PE|Peru
PF|French Polynesia|Fr Polynesia
PG|Papua New Guinea|Papua N Guinea
PH|Philippines
PK|Pakistan
PL|Poland|Polska
PR|Puerto Rico
PS|Palestine|State of Palestine|Palestinian Territory|West Bank|Gaza Strip
PT|Portugal
PW|Palau
PY|Paraguay
QA|Qatar
RE|Reunion
RO|Romania
RS|Serbia|Serbia Monteneg|Serbia and Montenegro
YU|Yugoslavia
RU|Russia|Russian Federation|Russian Federation (Russia)
SU|Soviet Union|USSR|U S S R
CS|Czechoslovakia
RW|Rwanda
SA|Saudi Arabia
SB|Solomon Islands
SC|Seychelles
SD|Sudan
SE|Sweden|Sverige
SG|Singapore
SI|Slovenia
SK|Slovakia|Slovak Republic
SL|Sierra Leone
SM|San Marino
SN|Senegal
SO|Somalia
SR|Suriname|Surinam
SS|South Sudan
ST|Sao Tome and Principe|Sao Tome & Prin
SV|El Salvador
SY|Syria|Syrian Arab Republic
SZ|Eswatini|Swaziland
TC|Turks and Caicos Islands|Turks & Caicos
TD|Chad
TG|Togo
TH|Thailand
TJ|Tajikistan
TL|Timor-Leste|East Timor
TM|Turkmenistan
TN|Tunisia|Tunisie
TO|Tonga
TR|Turkey|Turkiye|Republic of Turkiye
TT|Trinidad and Tobago|Trinid & Tobago|Trinidad
TV|Tuvalu
TW|Taiwan|Taiwan ROC|Republic of China (Taiwan)|Taiwan Province of China|Chinese Taipei
TZ|Tanzania|United Republic of Tanzania|Tanzania United Republic of
UA|Ukraine
UG|Uganda
US|United States|USA|U S A|US|U S|United States of America
UY|Uruguay
UZ|Uzbekistan
VA|Vatican|Vatican City|Holy See
VC|Saint Vincent and the Grenadines|St Vincent
VE|Venezuela|Bolivarian Republic of Venezuela
VG|British Virgin Islands|Brit Virgin Isl
VI|US Virgin Islands|Virgin Islands (U.S.)
VN|Vietnam|Viet Nam
VU|Vanuatu
WS|Samoa|Western Samoa
XK|Kosovo
YE|Yemen
YT|Mayotte
ZA|South Africa|Rep of South Africa
ZM|Zambia
ZW|Zimbabwe`

// usStates lists the US states and territories sources name without a
// country ("Boston, MA 02115", "Athens, Georgia 30602", "Pullman,
// Washington"): two-letter codes, and names. Georgia alone stays the
// country; with a ZIP code it is the state.
const usStates = `AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|
DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|
KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|
MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|
NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|
SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|
WV West Virginia|WI Wisconsin|WY Wyoming`

// caProvinces lists the Canadian provinces and territories, which
// addresses name without the country ("Vancouver, BC", "Ottawa, ON").
const caProvinces = `AB Alberta|BC British Columbia|MB Manitoba|NB New Brunswick|NL Newfoundland and Labrador|
NS Nova Scotia|NT Northwest Territories|NU Nunavut|ON Ontario|PE Prince Edward Island|PEI Prince Edward Island|
QC Quebec|SK Saskatchewan|YT Yukon`

var (
	// countryByName maps a folded name or ISO code to the country's name.
	countryByName map[string]string
	// usStateCode and usStateName hold the US states by code and by folded name.
	usStateCode, usStateName map[string]bool
	// caProvince holds the Canadian provinces by code and by folded name.
	caProvince map[string]bool
)

func init() {
	countryByName = map[string]string{}
	for _, line := range strings.Split(countryTable, "\n") {
		parts := strings.Split(line, "|")
		name := parts[1]
		countryByName[strings.ToLower(parts[0])] = name
		for _, p := range parts[1:] {
			countryByName[Fold(p)] = name
		}
	}
	usStateCode, usStateName = map[string]bool{}, map[string]bool{}
	for _, s := range strings.Split(usStates, "|") {
		s = strings.TrimSpace(s)
		code, name, _ := strings.Cut(s, " ")
		usStateCode[code] = true
		usStateName[Fold(name)] = true
	}
	caProvince = map[string]bool{}
	for _, s := range strings.Split(caProvinces, "|") {
		code, name, _ := strings.Cut(strings.TrimSpace(s), " ")
		caProvince[code] = true
		caProvince[Fold(name)] = true
	}
}

// Country returns the country named by s, an ISO 3166-1 alpha-2 code
// ("GB") or a name in any of the forms sources write ("Peoples R China",
// "U.S.A.", "England", "Viet Nam"), as one English short name ("China",
// "United States", "United Kingdom", "Vietnam"); "" when s names no
// country it knows.
func Country(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 2 && s == strings.ToUpper(s) {
		if c, ok := countryByName[strings.ToLower(s)]; ok {
			return c
		}
	}
	f := Fold(s)
	if len(f) <= 2 && f != "uk" && f != "us" {
		return "" // other two-letter words are codes only in capitals
	}
	return countryByName[f]
}

// CountryCode returns the ISO 3166-1 alpha-2 code of a name Country
// returns, or "".
func CountryCode(name string) string {
	return countryCodes[name]
}

var countryCodes = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(countryTable, "\n") {
		parts := strings.Split(line, "|")
		m[parts[1]] = parts[0]
	}
	return m
}()
