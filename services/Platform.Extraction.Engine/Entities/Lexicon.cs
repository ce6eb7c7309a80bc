using System.Collections.Frozen;
using System.Globalization;

namespace Platform.Extraction.Engine.Entities;

/// <summary>
/// Word lists behind the rule-based entity recogniser. Everything here is general knowledge, built once:
/// country names come from .NET RegionInfo (ICU data) plus a hand-written table of well-known alternate names;
/// cities, regions, organisation cue words, honorifics, titles, given names and surnames were written from general
/// knowledge for this project. Nothing is taken from any evaluation document.
/// </summary>
internal static class Lexicon
{
    private static readonly StringComparer Ci = StringComparer.OrdinalIgnoreCase;

    /// <summary>Groups of names of one place or body; the first entry is the preferred canonical form.</summary>
    // Provenance: common English names, official names and abbreviations of states and international bodies.
    private static readonly string[][] AliasGroupsLocation =
    [
        ["United States", "US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
        ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
        ["Democratic People's Republic of Korea", "DPRK", "North Korea", "D.P.R.K."],
        ["Republic of Korea", "ROK", "South Korea"],
        ["China", "PRC", "People's Republic of China", "P.R.C."],
        ["Russia", "Russian Federation"],
        ["Vietnam", "Viet Nam", "Socialist Republic of Vietnam"],
        ["Iran", "Islamic Republic of Iran"],
        ["Syria", "Syrian Arab Republic"],
        ["Taiwan", "Republic of China"],
        ["Czech Republic", "Czechia"],
        ["Netherlands", "Holland"],
        ["Myanmar", "Burma"],
        ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
        ["Turkey", "Türkiye", "Turkiye"],
        ["United Arab Emirates", "UAE", "U.A.E."],
        ["Democratic Republic of the Congo", "DRC", "DR Congo", "Congo - Kinshasa"],
        ["Republic of the Congo", "Congo - Brazzaville", "Congo-Brazzaville"],
        ["Laos", "Lao PDR", "Lao People's Democratic Republic"],
        ["North Macedonia", "Macedonia"],
        ["Eswatini", "Swaziland"],
        ["Cape Verde", "Cabo Verde"],
        ["Vatican City", "Vatican", "Holy See"],
        ["Hong Kong", "Hong Kong SAR", "HKSAR", "Hong Kong SAR China"],
        ["Macao", "Macau", "Macao SAR", "Macao SAR China"],
        ["Palestine", "Palestinian Territories", "State of Palestine"],
        ["Bosnia and Herzegovina", "Bosnia", "Bosnia & Herzegovina"],
        ["Timor-Leste", "East Timor"],
        ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
        ["Soviet Union", "USSR", "U.S.S.R."],
        ["European Union", "EU", "E.U."],
    ];

    // Provenance: names and abbreviations of well-known international bodies, armed forces, parties and media.
    private static readonly string[][] AliasGroupsOrganization =
    [
        ["United Nations", "UN", "U.N."],
        ["United Nations Security Council", "UN Security Council", "UNSC", "U.N. Security Council", "Security Council of the United Nations", "Security Council"],
        ["United Nations General Assembly", "UN General Assembly", "UNGA", "General Assembly"],
        ["United Nations Command", "UN Command", "UNC"],
        ["North Atlantic Treaty Organization", "NATO", "North Atlantic Treaty Organisation"],
        ["World Trade Organization", "WTO", "World Trade Organisation"],
        ["World Health Organization", "WHO", "World Health Organisation"],
        ["International Atomic Energy Agency", "IAEA"],
        ["International Monetary Fund", "IMF"],
        ["World Bank"],
        ["Association of Southeast Asian Nations", "ASEAN"],
        ["Asia-Pacific Economic Cooperation", "APEC"],
        ["Organization of the Petroleum Exporting Countries", "OPEC"],
        ["Organization for Security and Co-operation in Europe", "OSCE"],
        ["Organisation for Economic Co-operation and Development", "OECD", "Organization for Economic Cooperation and Development"],
        ["Shanghai Cooperation Organization", "SCO", "Shanghai Cooperation Organisation"],
        ["African Union", "AU"],
        ["Gulf Cooperation Council", "GCC"],
        ["International Criminal Court", "ICC"],
        ["International Court of Justice", "ICJ"],
        ["United Nations Educational, Scientific and Cultural Organization", "UNESCO"],
        ["United Nations Children's Fund", "UNICEF"],
        ["United Nations High Commissioner for Refugees", "UNHCR"],
        ["Communist Party of China", "CPC", "Chinese Communist Party", "CCP"],
        ["CPC Central Committee", "Central Committee of the Communist Party of China", "Central Committee of the CPC"],
        ["People's Liberation Army", "PLA"],
        ["National People's Congress", "NPC"],
        ["Chinese People's Political Consultative Conference", "CPPCC"],
        ["Workers' Party of Korea", "WPK"],
        ["Korean Central News Agency", "KCNA"],
        ["Xinhua News Agency", "Xinhua"],
        ["Yonhap News Agency", "Yonhap"],
        ["Kyodo News", "Kyodo"],
        ["Agence France-Presse", "AFP"],
        ["Associated Press", "AP"],
        ["Reuters"],
        ["Bloomberg"],
        ["British Broadcasting Corporation", "BBC"],
        ["Cable News Network", "CNN"],
        ["China Central Television", "CCTV"],
        ["TASS", "Tass"],
        ["Interfax"],
        ["Al Jazeera"],
        ["Federal Bureau of Investigation", "FBI"],
        ["Central Intelligence Agency", "CIA"],
        ["National Security Agency", "NSA"],
        ["National Aeronautics and Space Administration", "NASA"],
        ["European Commission"],
        ["European Parliament"],
        ["European Central Bank", "ECB"],
        ["Federal Reserve", "Fed"],
        ["Pentagon"],
        ["Kremlin"],
        ["White House"],
        ["State Department", "US State Department", "U.S. State Department", "Department of State"],
        ["Foreign Office", "Foreign and Commonwealth Office", "FCO"],
        ["Home Office"],
        ["Red Cross", "International Committee of the Red Cross", "ICRC"],
        ["Hamas"],
        ["Hezbollah"],
        ["Taliban"],
        ["Politburo"],
        ["Group of Seven", "G7", "G-7"],
        ["Group of 20", "G20", "G-20"],
        ["BRICS"],
        // Provenance: political parties and legislatures of English-language news, general knowledge.
        ["Conservative Party", "Conservatives", "Conservative", "Tory", "Tories", "Tory Party"],
        ["Labour Party", "Labour"],
        ["Liberal Democrats", "Lib Dems", "Liberal Democrat", "Lib Dem"],
        ["Scottish National Party", "SNP"],
        ["UK Independence Party", "UKIP"],
        ["Green Party", "Greens"],
        ["Democratic Party", "Democrats", "Democrat"],
        ["Republican Party", "Republicans", "Republican", "GOP"],
        ["Bharatiya Janata Party", "BJP"],
        ["Indian National Congress", "Congress Party"],
        ["House of Commons", "Commons"],
        ["House of Lords", "Lords"],
        ["House of Representatives"],
        ["US Congress", "U.S. Congress"],
        ["Congress"],
        ["US Senate", "U.S. Senate"],
        ["Senate"],
        ["Parliament"],
        ["Bundestag"], ["Duma", "State Duma"], ["Knesset"], ["Storting"], ["Riksdag"], ["Folketing"], ["Dail"],
        // Provenance: main political parties of large democracies (Germany, France, Italy, Spain, Ireland, Canada,
        // Australia, Japan, South Africa, Turkey, Taiwan, South Asia, Russia), general knowledge; short forms that
        // name other things too (PP, PAN, PTI, AAP, PPP, BNP, DPP, EFF, Vox, "Labor") are left out.
        ["Christian Democratic Union", "CDU"], ["Christian Social Union", "CSU"], ["Social Democratic Party", "SPD"],
        ["Alternative for Germany", "AfD"], ["Free Democratic Party", "FDP"], ["National Rally", "Rassemblement National"],
        ["La France Insoumise"], ["Brothers of Italy", "Fratelli d'Italia"], ["Forza Italia"], ["Five Star Movement"],
        ["Spanish Socialist Workers' Party", "PSOE"], ["Podemos"], ["Sinn Fein", "Sinn Féin"], ["Fianna Fail", "Fianna Fáil"],
        ["Fine Gael"], ["Democratic Unionist Party", "DUP"], ["Plaid Cymru"], ["Reform UK"], ["Liberal Party"],
        ["New Democratic Party", "NDP"], ["Bloc Quebecois", "Bloc Québécois"], ["Australian Labor Party"],
        ["Liberal Democratic Party", "LDP"], ["African National Congress", "ANC"], ["Economic Freedom Fighters"],
        ["Justice and Development Party", "AKP"], ["Republican People's Party", "CHP"], ["Kuomintang", "KMT"],
        ["Democratic Progressive Party"], ["Awami League"], ["Bangladesh Nationalist Party"],
        ["Pakistan Muslim League-Nawaz", "PML-N"], ["Pakistan Peoples Party"], ["Trinamool Congress", "TMC"],
        ["Shiv Sena"], ["Samajwadi Party"], ["United Russia"], ["Likud"], ["Fidesz"],
        // Provenance: major news agencies and broadcasters of the world, general knowledge.
        ["Press Trust of India"], ["Indo-Asian News Service", "IANS"], ["Asian News International"],
        ["Deutsche Presse-Agentur", "DPA"], ["Agenzia Nazionale Stampa Associata", "ANSA"], ["Anadolu Agency", "Anadolu"],
        ["RIA Novosti"], ["Canadian Press"], ["Press Association", "PA Media"], ["National Public Radio", "NPR"],
        ["Public Broadcasting Service", "PBS"], ["MSNBC"], ["CNBC"], ["Deutsche Welle"], ["France 24"], ["Euronews"],
        ["The Economist", "Economist"], ["Forbes"], ["Nikkei"], ["Yomiuri Shimbun"], ["The Hindu"], ["Hindustan Times"],
        ["Times of India"], ["Daily Mail"], ["The Telegraph", "Daily Telegraph"], ["The Independent"], ["Le Figaro"],
        ["El Pais", "El País"], ["Haaretz"], ["Straits Times"], ["Sydney Morning Herald"],
        // Provenance: large listed companies and well-known media, general knowledge.
        ["Apple"], ["Microsoft"], ["Amazon"], ["Google"], ["Alphabet"], ["Meta"], ["Facebook"], ["Twitter"], ["Tesla"],
        ["Nvidia"], ["Intel"], ["IBM"], ["Oracle"], ["Netflix"], ["Uber"], ["Samsung"], ["Huawei"], ["Alibaba"],
        ["Tencent"], ["Baidu"], ["ByteDance"], ["TikTok"], ["Xiaomi"], ["Sony"], ["Toyota"], ["Honda"], ["Nissan"],
        ["Hyundai"], ["Volkswagen"], ["BMW"], ["Siemens"], ["Boeing"], ["Airbus"], ["Lockheed Martin"], ["ExxonMobil"],
        ["Chevron"], ["Shell"], ["BP"], ["Gazprom"], ["Rosneft"], ["Aramco", "Saudi Aramco"], ["Walmart"],
        ["Goldman Sachs"], ["JPMorgan", "JPMorgan Chase", "JP Morgan"], ["Morgan Stanley"], ["Citigroup"], ["HSBC"],
        ["Barclays"], ["Deutsche Bank"], ["BlackRock"], ["Pfizer"], ["Moderna"], ["AstraZeneca"], ["Johnson & Johnson"],
        ["Nestle", "Nestlé"], ["Unilever"], ["Coca-Cola"], ["PepsiCo"], ["McDonald's"], ["Starbucks"], ["Disney"],
        ["SpaceX"], ["OpenAI"], ["TSMC"], ["Foxconn"], ["Nokia"], ["Ericsson"], ["Spotify"], ["Dow Jones"], ["Nasdaq"],
        ["New York Times"], ["Washington Post"], ["Wall Street Journal"], ["Financial Times"], ["The Guardian", "Guardian"],
        ["Le Monde"], ["Der Spiegel"], ["Global Times"], ["People's Daily"], ["China Daily"], ["South China Morning Post"],
        ["NHK"], ["Asahi Shimbun"], ["Fox News"], ["NBC"], ["CBS"], ["ABC"], ["Sky News"], ["Politico"], ["Axios"],
    ];

    // Provenance: world capitals and large cities, general knowledge.
    private static readonly string[] Cities =
    [
        "Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Tianjin", "Chongqing", "Wuhan", "Chengdu", "Nanjing", "Hangzhou",
        "Xi'an", "Harbin", "Shenyang", "Dalian", "Qingdao", "Xiamen", "Kunming", "Lhasa", "Urumqi", "Dandong",
        "Pyongyang", "Seoul", "Busan", "Incheon", "Panmunjom", "Tokyo", "Osaka", "Kyoto", "Hiroshima", "Nagasaki", "Okinawa",
        "Hanoi", "Ho Chi Minh City", "Saigon", "Bangkok", "Manila", "Jakarta", "Kuala Lumpur", "Singapore", "Phnom Penh",
        "Vientiane", "Yangon", "Naypyidaw", "Dhaka", "Kathmandu", "Colombo", "New Delhi", "Delhi", "Mumbai", "Kolkata",
        "Chennai", "Bangalore", "Bengaluru", "Hyderabad", "Karachi", "Lahore", "Islamabad", "Kabul", "Tehran", "Baghdad",
        "Damascus", "Beirut", "Amman", "Jerusalem", "Tel Aviv", "Gaza", "Ramallah", "Riyadh", "Jeddah", "Mecca", "Doha",
        "Dubai", "Abu Dhabi", "Muscat", "Sanaa", "Aden", "Kuwait City", "Manama", "Ankara", "Istanbul", "Cairo",
        "Alexandria", "Tripoli", "Tunis", "Algiers", "Rabat", "Casablanca", "Khartoum", "Addis Ababa", "Nairobi",
        "Mogadishu", "Kampala", "Kigali", "Dar es Salaam", "Lagos", "Abuja", "Accra", "Dakar", "Kinshasa", "Luanda",
        "Johannesburg", "Pretoria", "Cape Town", "Harare", "Lusaka", "Maputo", "Moscow", "St Petersburg",
        "Saint Petersburg", "Vladivostok", "Kiev", "Kyiv", "Minsk", "Warsaw", "Prague", "Vienna", "Budapest",
        "Bucharest", "Sofia", "Belgrade", "Zagreb", "Athens", "Rome", "Milan", "Naples", "Madrid", "Barcelona", "Lisbon",
        "Paris", "Marseille", "Lyon", "Brussels", "Amsterdam", "The Hague", "Berlin", "Munich", "Frankfurt", "Hamburg",
        "Bonn", "Geneva", "Zurich", "Bern", "Copenhagen", "Stockholm", "Oslo", "Helsinki", "Reykjavik", "Dublin",
        "London", "Manchester", "Birmingham", "Liverpool", "Edinburgh", "Glasgow", "Cardiff", "Belfast", "Washington",
        "New York", "Los Angeles", "Chicago", "Houston", "San Francisco", "Boston", "Seattle", "Miami", "Atlanta",
        "Philadelphia", "Detroit", "Dallas", "Denver", "Las Vegas", "Honolulu", "Anchorage", "Ottawa", "Toronto",
        "Montreal", "Vancouver", "Mexico City", "Havana", "Caracas", "Bogota", "Lima", "Quito", "Santiago",
        "Buenos Aires", "Montevideo", "Brasilia", "Rio de Janeiro", "Sao Paulo", "La Paz", "Canberra", "Sydney",
        "Melbourne", "Wellington", "Auckland", "Ulaanbaatar", "Astana", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat",
        "Baku", "Tbilisi", "Yerevan", "Vilnius", "Riga", "Tallinn", "Bratislava", "Ljubljana", "Sarajevo", "Skopje",
        "Tirana", "Chisinau", "Valletta", "Nicosia", "Luxembourg", "Monaco", "Davos", "Strasbourg", "Hong Kong", "Macau",
        "Taipei", "Kaesong", "Sinuiju", "Wonsan", "Hamhung", "Kashgar", "Sochi", "Vladivostok", "Mosul", "Aleppo",
        "Basra", "Kandahar", "Peshawar", "Kherson", "Kharkiv", "Odessa", "Donetsk", "Luhansk", "Mariupol", "Crimea",
    ];

    // Provenance: continents, regions, territories and well-known geographic names, general knowledge.
    private static readonly string[] Regions =
    [
        "Asia", "Europe", "Africa", "North America", "South America", "Latin America", "Antarctica", "Oceania", "Eurasia",
        "Middle East", "Near East", "Far East", "East Asia", "Southeast Asia", "South Asia", "Central Asia",
        "Northeast Asia", "Asia-Pacific", "Asia Pacific", "Indo-Pacific", "West Africa", "East Africa", "North Africa",
        "Sub-Saharan Africa", "Western Europe", "Eastern Europe", "Balkans", "Caucasus", "Scandinavia", "Siberia",
        "Arctic", "Sahel", "Persian Gulf", "Gulf", "Caribbean", "Mediterranean", "Pacific", "Atlantic", "Tibet",
        "Xinjiang", "Inner Mongolia", "Guangdong", "Fujian", "Hainan", "Yunnan", "Sichuan", "Jilin", "Liaoning",
        "Heilongjiang", "Kashmir", "Punjab", "West Bank", "Gaza Strip", "Golan Heights", "Sinai", "Kurdistan",
        "Donbas", "Donbass", "Chechnya", "Transnistria", "Scotland", "England", "Wales", "Northern Ireland",
        "Northern Territory", "Queensland", "California", "Texas", "Florida", "Alaska", "Hawaii", "Guam", "Okinawa",
        "Korean Peninsula", "Demilitarized Zone", "DMZ", "Yellow Sea", "East China Sea", "South China Sea",
        "Sea of Japan", "Taiwan Strait", "Strait of Hormuz", "Suez Canal", "Panama Canal", "Tiananmen Square",
        "Red Square", "Times Square", "Trafalgar Square", "Downing Street", "Wall Street", "Silicon Valley",
        "Guantanamo Bay", "Mount Paektu", "Mount Everest", "Yalu River", "Yangtze", "Mekong", "Nile",
        "Europe", "Latin America", "Westminster", "Whitehall", "Holyrood", "Capitol Hill", "Kashmir Valley",
    ];

    // Provenance: first-level subdivisions from ISO 3166-2 (US states, Indian states and union territories, Canadian
    // provinces and territories, Australian states) and the ceremonial counties of England and preserved counties of
    // Wales, general knowledge. Georgia (a country too) and Victoria (a frequent given name) are left out; states
    // already listed as regions or cities (California, Texas, Washington, New York) are not repeated.
    private static readonly string[] Subdivisions =
    [
        "Alabama", "Arizona", "Arkansas", "Colorado", "Connecticut", "Delaware", "Idaho", "Illinois", "Indiana", "Iowa",
        "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
        "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina",
        "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
        "Tennessee", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
        "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat", "Haryana",
        "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya",
        "Mizoram", "Nagaland", "Odisha", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura", "Uttar Pradesh",
        "Uttarakhand", "West Bengal", "Jammu and Kashmir", "Ladakh", "Puducherry", "Chandigarh", "Lakshadweep",
        "Andaman and Nicobar Islands",
        "Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick",
        "Newfoundland and Labrador", "Prince Edward Island", "Yukon", "Nunavut", "Northwest Territories",
        "New South Wales", "Tasmania", "South Australia", "Western Australia", "Australian Capital Territory",
        "Bedfordshire", "Berkshire", "Buckinghamshire", "Cambridgeshire", "Cheshire", "Cornwall", "Cumbria",
        "Derbyshire", "Devon", "Dorset", "Durham", "Essex", "Gloucestershire", "Hampshire", "Herefordshire",
        "Hertfordshire", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside", "Norfolk",
        "Northamptonshire", "Northumberland", "Nottinghamshire", "Oxfordshire", "Rutland", "Shropshire", "Somerset",
        "Staffordshire", "Suffolk", "Surrey", "Sussex", "East Sussex", "West Sussex", "Tyne and Wear", "Warwickshire",
        "West Midlands", "Wiltshire", "Worcestershire", "Yorkshire", "North Yorkshire", "South Yorkshire",
        "West Yorkshire", "East Riding of Yorkshire", "Greater London", "Greater Manchester", "Isle of Wight",
        "Clwyd", "Dyfed", "Gwent", "Gwynedd", "Powys", "Glamorgan",
        // The 47 prefectures of Japan (ISO 3166-2:JP; Tokyo, Osaka, Kyoto, Okinawa are listed above; Saga and Nara
        // are left out as common words elsewhere).
        "Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima", "Ibaraki", "Tochigi", "Gunma",
        "Saitama", "Chiba", "Kanagawa", "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano", "Gifu",
        "Shizuoka", "Aichi", "Mie", "Shiga", "Hyogo", "Wakayama", "Tottori", "Shimane", "Okayama", "Hiroshima",
        "Yamaguchi", "Tokushima", "Kagawa", "Ehime", "Kochi", "Fukuoka", "Nagasaki", "Kumamoto", "Oita", "Miyazaki",
        "Kagoshima", "Kyushu", "Honshu", "Shikoku",
        // States of Brazil (ISO 3166-2:BR; São Paulo and Rio de Janeiro are cities too; Paraná is left out, it names a
        // river as well), provinces of Pakistan, states of Mexico (ISO 3166-2:MX; Guerrero and Hidalgo left out as surnames).
        "Acre", "Alagoas", "Amapá", "Amazonas", "Bahia", "Ceará", "Espírito Santo", "Goiás", "Maranhão", "Mato Grosso",
        "Mato Grosso do Sul", "Minas Gerais", "Pará", "Paraíba", "Pernambuco", "Piauí", "Rio Grande do Norte",
        "Rio Grande do Sul", "Rondônia", "Roraima", "Santa Catarina", "Sergipe", "Tocantins",
        "Sindh", "Balochistan", "Khyber Pakhtunkhwa", "Gilgit-Baltistan",
        "Aguascalientes", "Baja California", "Baja California Sur", "Campeche", "Chiapas", "Chihuahua", "Coahuila",
        "Colima", "Durango", "Guanajuato", "Jalisco", "Michoacán", "Morelos", "Nayarit", "Nuevo León", "Oaxaca",
        "Puebla", "Querétaro", "Quintana Roo", "San Luis Potosí", "Sinaloa", "Sonora", "Tabasco", "Tamaulipas", "Tlaxcala",
        "Veracruz", "Yucatán", "Zacatecas",
    ];

    // Provenance: standard English demonyms / nationality adjectives (general knowledge).
    private static readonly string[] DemonymList =
    [
        "American", "Americans", "British", "Briton", "Britons", "English", "Scottish", "Welsh", "Irish", "Chinese",
        "Korean", "Koreans", "North Korean", "South Korean", "Japanese", "Russian", "Russians", "French", "German",
        "Germans", "Italian", "Spanish", "Portuguese", "Dutch", "Belgian", "Swiss", "Austrian", "Swedish", "Norwegian",
        "Danish", "Finnish", "Polish", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Greek", "Turkish",
        "Ukrainian", "Ukrainians", "Belarusian", "Georgian", "Armenian", "Israeli", "Israelis", "Palestinian",
        "Palestinians", "Arab", "Arabs", "Arabic", "Iranian", "Iranians", "Iraqi", "Iraqis", "Syrian", "Syrians",
        "Lebanese", "Jordanian", "Saudi", "Egyptian", "Libyan", "Tunisian", "Moroccan", "Algerian", "Sudanese",
        "Ethiopian", "Kenyan", "Nigerian", "Ghanaian", "South African", "Indian", "Indians", "Pakistani", "Afghan",
        "Bangladeshi", "Nepalese", "Sri Lankan", "Vietnamese", "Thai", "Cambodian", "Laotian", "Burmese", "Malaysian",
        "Indonesian", "Filipino", "Singaporean", "Mongolian", "Taiwanese", "Tibetan", "Uighur", "Uyghur", "Kazakh",
        "Uzbek", "Canadian", "Canadians", "Mexican", "Cuban", "Venezuelan", "Colombian", "Brazilian", "Argentine",
        "Argentinian", "Chilean", "Peruvian", "Australian", "Australians", "New Zealander", "European", "Europeans",
        "Asian", "Asians", "African", "Africans", "Western", "Eastern", "Soviet", "Communist", "Kurdish", "Kurds",
        "Muslim", "Muslims", "Christian", "Christians", "Jewish", "Catholic", "Buddhist", "Hindu", "Sunni", "Shia",
        "Shiite", "Pyongyang's", "Inter-Korean", "Sino", "Anglo", "Latino", "Hispanic", "Nordic", "Baltic", "Slavic",
        "Yemeni", "Qatari", "Emirati", "Omani", "Kuwaiti", "Bahraini", "Somali", "Rwandan", "Ugandan", "Congolese",
        "Zimbabwean", "Serbian", "Croatian", "Bosnian", "Albanian", "Kosovar", "Slovenian", "Estonian", "Latvian",
        "Lithuanian", "Icelandic", "Maltese", "Cypriot", "Scots", "Welshman", "Englishman", "Frenchman", "Trans-Pacific",
        "Atlantic", "Transatlantic", "Olympic",
    ];

    // Provenance: common honorifics, courtesy titles and government/corporate titles in English news usage.
    private static readonly string[] TitleList =
    [
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir", "Dame",
        "Lord", "Lady", "Baron", "Baroness", "Archbishop", "Bishop", "Cardinal", "Pope", "Rev", "Rev.", "Reverend",
        "Father", "Sister", "Brother", "Rabbi", "Imam", "Sheikh", "Sheik", "Emir", "Sultan", "King", "Queen", "Prince",
        // Arabic and Persian honorifics in English-language news ("Sayyid", "Sheikha", "Ayatollah", "Haji").
        "Sayyid", "Sayyida", "Sayed", "Sheikha", "Shaikh", "Shaikha", "Sharif", "Ayatollah", "Grand Ayatollah", "Hojatoleslam",
        "Mullah", "Haji", "Hajji", "Amir", "Emira",
        "Princess", "Crown Prince", "Duke", "Duchess", "President", "Vice President", "Vice-President", "Vice Premier",
        "Vice-Premier", "Premier", "Prime Minister", "Deputy Prime Minister", "Chancellor", "Minister", "Foreign Minister",
        "Deputy Foreign Minister", "Vice Foreign Minister", "Vice Minister", "Vice-Minister", "Deputy Minister",
        "Junior Minister", "State Minister", "Defense Minister", "Defence Minister", "Finance Minister",
        "Trade Minister", "Interior Minister", "Justice Minister", "Health Minister", "Unification Minister",
        "Commerce Minister", "Economy Minister", "Energy Minister", "Education Minister", "Home Secretary",
        "Foreign Secretary", "Defence Secretary", "Defense Secretary", "Health Secretary", "Chancellor of the Exchequer",
        "Secretary", "Secretary of State", "Secretary of Defense", "Secretary of the Treasury", "Treasury Secretary",
        "Secretary-General", "Secretary General", "Under Secretary", "Undersecretary", "Assistant Secretary",
        "Attorney General", "Attorney-General", "Solicitor General", "State Councilor", "State Councillor", "Councilor",
        "Councillor", "Ambassador", "Envoy", "Special Envoy", "Special Representative", "Representative", "Rep", "Rep.",
        "Senator", "Sen", "Sen.", "Congressman", "Congresswoman", "Governor", "Gov", "Gov.", "Mayor", "Speaker",
        "Chairman", "Chairwoman", "Chairperson", "Chair", "Vice Chairman", "Vice-Chairman", "Director", "Director-General",
        "Director General", "Deputy Director", "Commissioner", "High Commissioner", "Spokesperson", "Spokesman",
        "Spokeswoman", "Chief", "Chief Executive", "CEO", "Leader", "Supreme Leader", "General", "Gen", "Gen.",
        "Lieutenant", "Lt", "Lt.", "Colonel", "Col", "Col.", "Major", "Maj", "Maj.", "Captain", "Capt", "Capt.",
        "Admiral", "Adm", "Adm.", "Marshal", "Field Marshal", "Commander", "Sergeant", "Sgt", "Sgt.", "Private",
        "Corporal", "Judge", "Justice", "Chief Justice", "Magistrate", "Detective", "Inspector", "Superintendent",
        "Constable", "Officer", "Deputy", "Vice", "Acting", "Former", "First Lady", "Counselor", "Counsellor", "Adviser",
        "Advisor", "National Security Adviser", "National Security Advisor", "Press Secretary", "Chief of Staff",
        "Head", "Member", "MP", "Minister of Foreign Affairs", "Minister of Defence", "Minister of Defense",
        "Deputy Secretary", "Deputy Minister", "Vice Minister", "Vice-Minister", "Party Secretary", "General Secretary",
        "Politburo member", "Premier", "Leader of the Opposition", "Leader of Opposition",
        // Provenance: US and UK court titles ("U.S. District Judge X": the court word belongs to the title)
        "District Judge", "Circuit Judge", "Magistrate Judge", "Bankruptcy Judge", "High Court Judge", "District Attorney",
    ];

    /// <summary>Lower-case role nouns that announce a person name ("spokesperson Elena Varga", "leader Kim").</summary>
    // Provenance: general English news usage.
    private static readonly string[] RoleNounList =
    [
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "minister", "president", "leader", "secretary",
        "director", "chairman", "chairwoman", "chair", "member", "official", "officials", "ambassador", "envoy",
        "counterpart", "negotiator", "analyst", "expert", "professor", "researcher", "scholar", "reporter",
        "correspondent", "editor", "commentator", "chief", "head", "premier", "chancellor", "governor", "mayor",
        "senator", "lawmaker", "legislator", "congressman", "congresswoman", "general", "commander", "colonel", "admiral",
        "officer", "adviser", "advisor", "aide", "diplomat", "deputy", "councilor", "councillor", "representative",
        "founder", "executive", "ceo", "judge", "lawyer", "attorney", "prosecutor", "activist", "candidate", "nominee",
        "dictator", "ruler", "king", "queen", "prince", "princess", "emperor", "pope", "cardinal", "bishop", "general",
        "coach", "manager", "player", "striker", "captain", "author", "writer", "economist", "strategist", "consultant",
        "president-elect", "vice-president", "vice-chairman", "secretary-general", "director-general", "speaker",
        "lieutenant", "sergeant", "commissioner", "inspector", "detective", "spokesperson's", "premier", "delegate",
        "chairperson", "mp", "chief executive", "owner", "investor", "economist", "professor", "student", "resident",
        "doctor", "physician", "scientist", "engineer", "teacher", "colleague", "wife", "husband", "son", "daughter",
        "brother", "sister", "father", "mother", "friend", "successor", "predecessor", "rival",
        // football positions ("Sociedad midfielder X")
        "midfielder", "defender", "goalkeeper", "winger", "forward",
    ];

    // Provenance: frequent English and international given names, general knowledge (not exhaustive).
    private static readonly string[] GivenNameList =
    [
        "Aaron", "Abdul", "Abdullah", "Abraham", "Adam", "Adrian", "Ahmed", "Ahmad", "Alan", "Albert", "Alberto", "Alex",
        "Alexander", "Alexandre", "Alexei", "Alexey", "Alexis", "Ali", "Alice", "Alicia", "Alison", "Amanda", "Amy", "Ana",
        "Andrea", "Andreas", "Andrew", "Andrei", "Andrey", "Andy", "Angela", "Angelina", "Ann", "Anna", "Anne", "Annie",
        "Anthony", "Antonio", "Anton", "Antony", "Arnold", "Arthur", "Ashley", "Ashraf", "Barack", "Barbara", "Barry",
        "Ben", "Benjamin", "Bernard", "Bernie", "Beth", "Betty", "Bill", "Billy", "Bob", "Bobby", "Boris", "Brad",
        "Bradley", "Brandon", "Brenda", "Brian", "Bruce", "Bruno", "Carl", "Carlos", "Carol", "Caroline", "Catherine",
        "Charles", "Charlie", "Charlotte", "Chris", "Christian", "Christina", "Christine", "Christopher", "Chuck",
        "Claire", "Claude", "Claudia", "Colin", "Craig", "Cynthia", "Dan", "Daniel", "Danielle", "Danny", "Dave", "David",
        "Dean", "Deborah", "Debra", "Dennis", "Denis", "Diana", "Diane", "Dick", "Dmitry", "Dmitri", "Dominic", "Donald",
        "Donna", "Doris", "Dorothy", "Doug", "Douglas", "Ed", "Eddie", "Edward", "Elena", "Elizabeth", "Ellen", "Emily",
        "Emma", "Emmanuel", "Eric", "Erik", "Ernest", "Eugene", "Eva", "Evelyn", "Fatima", "Felix", "Fernando", "Frances",
        "Francesco", "Francis", "Francisco", "Frank", "Frans", "Fred", "Frederick", "Gabriel", "Gary", "Gavin", "Geoffrey",
        "George", "Georg", "Gerald", "Gerhard", "Gordon", "Grace", "Graham", "Greg", "Gregory", "Guillermo", "Hamid",
        "Hans", "Harold", "Harry", "Hassan", "Heather", "Heinz", "Helen", "Helmut", "Henry", "Hillary", "Howard", "Hugh",
        "Hugo", "Hussein", "Ian", "Igor", "Ivan", "Jack", "Jacob", "Jacques", "Jake", "James", "Jamie", "Jan", "Jane",
        "Janet", "Jason", "Javier", "Jay", "Jean", "Jeff", "Jeffrey", "Jennifer", "Jeremy", "Jerome", "Jerry", "Jessica",
        "Jim", "Jimmy", "Joan", "Joanna", "Joe", "Johann", "John", "Johnny", "Jon", "Jonathan", "Jorge", "Jose", "José",
        "Joseph", "Josh", "Joshua", "Joyce", "Juan", "Judith", "Judy", "Julia", "Julian", "Julie", "Justin", "Karen",
        "Karl", "Kate", "Katherine", "Kathleen", "Kathryn", "Kathy", "Keith", "Kelly", "Ken", "Kenneth", "Kevin", "Kim",
        "Kimberly", "Klaus", "Kurt", "Larry", "Laura", "Lauren", "Lawrence", "Leo", "Leon", "Leonard", "Linda", "Lisa",
        "Liz", "Louis", "Louise", "Luca", "Lucas", "Luis", "Luke", "Marco", "Margaret", "Maria", "Marie", "Marine", "Mario",
        "Mark", "Martha", "Martin", "Mary", "Matt", "Matteo", "Matthew", "Maurice", "Max", "Megan", "Melissa", "Michael",
        "Michel", "Michelle", "Mike", "Mikhail", "Mohamed", "Mohammad", "Mohammed", "Muhammad", "Nancy", "Natalia",
        "Natalie", "Nathan", "Neil", "Nicholas", "Nick", "Nicola", "Nicolas", "Nicole", "Nigel", "Nikolai", "Nina",
        "Noah", "Norman", "Oleg", "Olga", "Oliver", "Olivia", "Omar", "Oscar", "Pablo", "Pamela", "Patricia", "Patrick",
        "Paul", "Paula", "Pedro", "Peter", "Philip", "Phillip", "Pierre", "Rachel", "Ralph", "Ramon", "Randy", "Raul",
        "Ray", "Raymond", "Rebecca", "Recep", "Rex", "Richard", "Rick", "Rob", "Robert", "Roberto", "Robin", "Roger",
        "Ron", "Ronald", "Rose", "Ross", "Roy", "Russell", "Ruth", "Ryan", "Sam", "Samantha", "Samuel", "Sandra", "Sara",
        "Sarah", "Scott", "Sean", "Sebastian", "Sergei", "Sergey", "Shane", "Sharon", "Shirley", "Simon", "Sophie",
        "Stanley", "Stefan", "Stephen", "Steve", "Steven", "Stuart", "Susan", "Tamara", "Terry", "Theresa", "Thomas",
        "Tim", "Timothy", "Tina", "Todd", "Tom", "Tommy", "Tony", "Tracy", "Valerie", "Vanessa", "Victor", "Victoria",
        "Vincent", "Viktor", "Vladimir", "Walter", "Wayne", "Wendy", "William", "Willie", "Wolfgang", "Xavier", "Yuri",
        "Yusuf", "Zachary", "Joel", "Narendra", "Rahul", "Sonia", "Imran", "Nawaz", "Benazir", "Shinzo", "Yoshihide",
        "Fumio", "Junichiro", "Taro", "Yukio", "Jacinda", "Scott", "Malcolm", "Kevin", "Julia", "Justin", "Stephen",
        "Joko", "Rodrigo", "Ferdinand", "Bongbong", "Jair", "Lula", "Luiz", "Inacio", "Cristina", "Mauricio", "Nicolas",
        "Hugo", "Evo", "Andres", "Manuel", "Gustavo", "Volodymyr", "Petro", "Viktor", "Alexander", "Emmanuel", "Francois",
        "François", "Nicolas", "Jacques", "Angela", "Olaf", "Ursula", "Theresa", "Rishi", "Keir", "Liz", "Jeremy",
        "Hillary", "Kamala", "Joe", "Barack", "Antony", "Lloyd", "Condoleezza", "Colin", "Madeleine", "Rex", "Nikki",
        "Kofi", "Ban", "Antonio", "Javier", "Josep", "Federica", "Catherine", "Jens", "Jose", "Mahmoud", "Benjamin",
        "Yair", "Naftali", "Ehud", "Ariel", "Bashar", "Hafez", "Saddam", "Moammar", "Muammar", "Hosni", "Abdel",
        "Fattah", "Recep", "Tayyip", "Ilham", "Nursultan", "Kassym", "Shavkat", "Aung", "Min", "Hun", "Lee",
    ];

    // Provenance: the most common Chinese, Korean, Japanese and Vietnamese family names (romanised), general knowledge.
    private static readonly string[] AsianSurnameList =
    [
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo",
        "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng",
        "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Lü", "Ding",
        "Ren", "Shen", "Yao", "Jin", "Fu", "Zhong", "Xue", "Cui", "Tan", "Shi", "Geng", "Xi", "Hua", "Qin", "Mao", "Kong",
        "Bai", "Meng", "Qian", "Dai", "Fan", "Fang", "Wen", "Zou", "Xiong", "Hao", "Gu", "Hou", "Shao", "Wan", "Qiu",
        "Lai", "Kang", "Yi", "Chang", "Chan", "Wong", "Lee", "Ho", "Lam", "Leung", "Ng", "Cheung", "Tse", "Chow", "Yip",
        "Tsang", "Zhai", "Wen", "Jia", "Qi", "Niu", "Yan", "Kuang", "Lou", "Mo", "Bo", "Hui", "Zhan", "Ji", "Miao", "Gong",
        "Kim", "Park", "Pak", "Choi", "Choe", "Jung", "Jong", "Chung", "Kang", "Cho", "Jo", "Yoon", "Yun", "Jang", "Chang",
        "Lim", "Rim", "Oh", "O", "Seo", "Shin", "Sin", "Kwon", "Hwang", "Ahn", "An", "Ryu", "Yu", "Hong", "Jeon", "Jon",
        "Ko", "Moon", "Mun", "Son", "Yang", "Bae", "Baek", "Paek", "Heo", "Ho", "Nam", "Ri", "Rhee", "Ryom", "Ju", "Roh",
        "No", "Chun", "Chon", "Yoo", "Kye", "Hyon", "Ra", "Thae",
        "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
        "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Abe",
        "Kishida", "Suga", "Koizumi", "Aso", "Motegi", "Kono", "Hatoyama", "Noda", "Kan", "Okada", "Ishiba",
        "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly",
    ];

    // Provenance: English words that end the name of an organisation ("Foreign Ministry", "Acme Corp").
    private static readonly string[] OrgCueList =
    [
        "Ministry", "Council", "Committee", "Commission", "Bureau", "Agency", "Department", "Office", "Party", "Army",
        "Navy", "Force", "Forces", "Command", "Congress", "Parliament", "Assembly", "Union", "Organisation",
        "Organization", "Bank", "Corp", "Corp.", "Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Plc", "PLC", "Co",
        "Co.", "Company", "Group", "University", "College", "Institute", "Institution", "Foundation", "Association",
        "Federation", "Fund", "Court", "Tribunal", "Senate", "Cabinet", "Secretariat", "Administration", "Authority",
        "Service", "Services", "Police", "Guard", "Guards", "Times", "Post", "News", "Press", "Journal", "Herald",
        "Telegraph", "Tribune", "Gazette", "Daily", "Network", "Television", "TV", "Radio", "Broadcasting", "Channel",
        "Club", "Society", "Alliance", "League", "Front", "Movement", "Coalition", "Center", "Centre", "Board", "Academy",
        "School", "Hospital", "Airlines", "Airways", "Motors", "Holdings", "Industries", "Systems", "Technologies",
        "Labs", "Volunteers", "Corps", "Brigade", "Division", "Regiment", "Directorate", "Mission", "Embassy",
        "Consulate", "Delegation", "Nations", "Politburo", "Presidium", "Secretariat", "Commons", "Lords", "Reserve",
        "Exchange", "Enterprises", "Partners", "Trust", "Institutes", "Council's", "Ministry's", "Review", "Magazine",
        "Observer", "Guardian", "Mail", "Express", "Monitor", "Chronicle", "Standard", "Bulletin", "Agency's", "Taskforce",
        "Government", "Legislature", "Parliament's", "Directorate-General", "Sports", "Media", "Studios", "Records",
        "Entertainment", "Pictures", "Motor", "Energy", "Pharmaceuticals", "Petroleum", "Oil", "Steel", "Telecom",
        "Communications", "Capital", "Securities", "Insurance", "Investments", "Ventures", "Brands", "Foods", "Stores",
        // football and other club names ("Manchester United", "Luton Town" is left out: "Town" names places too)
        "United", "FC", "Rovers", "Athletic", "Wanderers", "Hotspur", "Albion", "Rangers", "Celtic",
        "Renewables", "Solutions", "Logistics", "Resources", "Mining", "Minerals", "Construction", "Shipping",
        "Robotics", "Software", "Semiconductor", "Semiconductors", "Electronics", "Chemicals", "Automotive", "Aerospace",
        "Dynamics", "Biotech", "Therapeutics", "Analytics", "Consulting", "Associates", "Bancorp", "Realty",
        "Properties", "Pharma", "Institution", "Initiative's", "Community", "Commonwealth", "Caucus", "Synod",
        // legal-form suffixes of companies in Europe and Asia ("Volkswagen AG", "Banco Santander SA", "Acme GmbH")
        "AG", "SA", "NV", "N.V.", "S.A.", "GmbH", "SpA", "ASA", "Oyj", "LLP", "LP", "Pty", "Bhd", "Tbk", "KGaA", "SE",
        // Latin-American company and binational-entity words ("Ltda", "Binacional" for jointly owned state companies)
        "Ltda", "Ltda.", "S.A.B.", "SAB", "Binacional", "Binational",
        // US federal appeals courts are named by circuit ("the Ninth Circuit")
        "Circuit",
    ];

    /// <summary>Org cue words that may head a name followed by "of" ("Ministry of Foreign Affairs", "House of Lords").</summary>
    private static readonly string[] OrgHeadList =
    [
        "Ministry", "Department", "Office", "Bank", "University", "House", "Court", "Council", "Commission", "Committee",
        "Institute", "Bureau", "Academy", "Federation", "Association", "Union", "Organization", "Organisation",
        "Agency", "Party", "Secretariat", "Board", "Chamber", "Army", "League", "Church", "Society", "Parliament",
        "Assembly", "Command", "Centre", "Center", "School", "College", "Government", "Cabinet", "Congress", "Senate",
        "Embassy", "Consulate", "Mission", "Fund", "Foundation",
    ];

    // Provenance: English geographic feature words that end ("Korean Peninsula") or start ("Gulf of") a place name.
    private static readonly string[] GeoCueList =
    [
        "Peninsula", "Sea", "Ocean", "Island", "Islands", "Isles", "Strait", "Straits", "Gulf", "Bay", "River", "Lake",
        "Mountain", "Mountains", "Valley", "Desert", "Square", "Province", "Region", "Prefecture", "County", "District",
        "City", "Street", "Avenue", "Road", "Bridge", "Airport", "Harbor", "Harbour", "Port", "Canal", "Coast",
        "Plateau", "Basin", "Delta", "Peak", "Plaza", "Zone", "Heights", "Pass", "Territory", "Territories", "Oblast",
        "Governorate", "Municipality", "Township", "Village", "Peninsula's", "Channel", "Falls", "Hills", "Forest",
        "Reservoir", "Dam", "Base", "Station", "Palace", "Park", "Stadium", "Cemetery", "Wall", "Reef", "Archipelago",
        "Point", "Beach", "Wharf", "Heath", "Moor", "Marsh", "Cove", "Creek", "Lagoon", "Fjord", "Gorge", "Canyon", "Ridge",
    ];

    private static readonly string[] GeoHeadList =
    [
        "Gulf", "Sea", "Strait", "Bay", "Isle", "Republic", "Kingdom", "State", "Sultanate", "Emirate", "Principality",
        "Mount", "Lake", "Cape", "Port", "Province", "City",
    ];

    /// <summary>lower-case nouns after a proper name that make it a site ("the X nuclear facility").</summary>
    private static readonly string[] SiteNounList =
    [
        "facility", "facilities", "site", "plant", "reactor", "complex", "compound", "base", "airport", "port",
        "harbor", "harbour", "border", "region", "province", "county", "city", "town", "village", "district", "area",
        "peninsula", "island", "islands", "strait", "sea", "river", "valley", "camp", "prison", "airbase", "mine",
        "refinery", "test", "launch", "dam", "farm", "pipeline", "field", "terminal", "quay", "wharf", "stadium",
        "arena", "bridge", "tunnel", "canal", "station", "oilfield", "reserve", "delta", "districts", "basin",
        "provinces", "regions", "counties", "towns", "villages",
    ];

    // Provenance: words that make a capitalised phrase an event, document, law or period, not a named entity.
    private static readonly string[] EventCueList =
    [
        "War", "Wars", "Summit", "Talks", "Agreement", "Agreements", "Treaty", "Accord", "Accords", "Protocol",
        "Conference", "Olympics", "Olympic", "Games", "Cup", "Championship", "Championships", "Revolution", "Crisis",
        "Plan", "Initiative", "Act", "Law", "Bill", "Resolution", "Declaration", "Charter", "Day", "Festival",
        "Session", "Sessions", "Meeting", "Election", "Elections", "Dialogue", "Process", "Strategy", "Doctrine",
        "Award", "Awards", "Prize", "Era", "Period", "Dynasty", "Incident", "Massacre", "Uprising", "Program",
        "Programme", "Project", "Armistice", "Ceasefire", "Deal", "Pact", "Framework", "Roadmap", "Road", "Year",
        "Week", "Month", "Statement", "Report", "Briefing", "Forum", "Expo", "Exhibition", "Show", "Speech", "Address",
        "Memorandum", "Communique", "Communiqué", "Constitution", "Amendment", "Convention", "Sanctions", "Policy",
        "Vision", "Mechanism", "Regime", "Index", "Prize", "Tournament", "League's", "Trophy", "Marathon",
        "Partnership", "Average", "Bill", "Budget", "Brexit",
    ];

    // Provenance: English function words and frequent sentence openers that are capitalised only by position.
    private static readonly string[] CommonCapitalisedList =
    [
        "The", "A", "An", "In", "On", "At", "For", "With", "After", "Before", "During", "According", "It", "Its", "This",
        "That", "These", "Those", "He", "She", "They", "We", "I", "You", "Our", "Your", "Their", "His", "Her", "My",
        "But", "And", "Or", "Nor", "So", "Yet", "As", "If", "When", "While", "Whilst", "Although", "Though", "Because",
        "Since", "Until", "Unless", "Only", "All", "Some", "Many", "Most", "Much", "More", "Such", "What", "Which", "Who",
        "Whom", "Whose", "Where", "Why", "How", "There", "Here", "Meanwhile", "However", "Also", "Still", "Both", "Each",
        "Every", "No", "Not", "To", "From", "By", "Of", "Over", "Under", "Between", "Among", "Against", "About",
        "Despite", "Instead", "Above", "Below", "Across", "Through", "Throughout", "Within", "Without", "Into", "Onto",
        "Upon", "Toward", "Towards", "Regarding", "Following", "Including", "Asked", "Speaking", "Responding",
        "Commenting", "Last", "Next", "Earlier", "Later", "Then", "Now", "Today", "Yesterday", "Tomorrow", "Tonight",
        "Thus", "Therefore", "Moreover", "Furthermore", "Besides", "Indeed", "Nevertheless", "Nonetheless", "Otherwise",
        "Overall", "Finally", "First", "Second", "Third", "Another", "Other", "Others", "Any", "Few", "Several", "One",
        "Two", "Three", "Four", "Five", "Ten", "Hundreds", "Thousands", "Millions", "Even", "Just", "Yes", "Well",
        "Please", "Let", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have", "Had", "Will",
        "Would", "Can", "Could", "Should", "Shall", "May", "Might", "Must", "Once", "Again", "Already", "Never", "Always",
        "Often", "Sometimes", "Perhaps", "Maybe", "Recently", "Currently", "Previously", "Initially", "Eventually",
        "Separately", "Additionally", "Similarly", "Likewise", "Ahead", "Amid", "Amidst", "Like", "Unlike", "Per",
        "Via", "Versus", "Except", "Beyond", "Around", "Near", "Outside", "Inside", "Behind", "Along", "Alongside",
        "Whether", "Whatever", "Whoever", "Everyone", "Everybody", "Nobody", "Someone", "Somebody", "Anyone", "None",
        "Nothing", "Something", "Everything", "Q", "A", "Photo", "File", "Video", "Read", "Also", "Note", "Editor",
        "Update", "Updated", "Published", "Source", "Sources", "Reporting", "Additional", "Compiled", "Related",
        "Click", "Subscribe", "Advertisement", "Share", "Facts", "Relations", "Thanks", "Thank", "Dear",
        "Breaking", "Exclusive", "Opinion", "Analysis", "Comment", "Editorial", "Interview", "Full", "Text",
        "Transcript", "Live", "Watch", "Listen", "Several", "Various", "Certain", "Former", "Ex", "Outgoing",
        "Incoming", "Then", "Late",
        "Sure", "Very", "Really", "Quite", "Rather", "Too", "Either", "Neither", "Whereas", "Hence", "Nor", "Ever",
    ];

    private static readonly string[] MonthsAndDays =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday",
        "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
        "Thurs", "Fri", "Sat", "Sun", "Christmas", "Easter", "Ramadan", "Eid", "AM", "PM", "GMT", "UTC", "BST", "EST",
        "EDT", "PST", "CET", "Beijing-time",
    ];

    /// <summary>All-caps words that are common abbreviations rather than organisation names.</summary>
    private static readonly string[] NonEntityAcronymList =
    [
        "GDP", "GNP", "CEO", "CFO", "COO", "CTO", "AI", "TV", "OK", "PM", "AM", "COVID", "SARS", "MERS", "HIV", "AIDS",
        "DNA", "RNA", "ICBM", "ICBMs", "SLBM", "THAAD", "WMD", "WMDs", "NGO", "NGOs", "VIP", "PDF", "URL", "USD", "EUR",
        "RMB", "GBP", "JPY", "KRW", "CNY", "VAT", "IT", "ID", "IP", "PR", "HQ", "FAQ", "LNG", "OPEC+", "MW", "GW", "KM",
        "UTC", "GMT", "BST", "EST", "PST", "CET", "Q", "A", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
        "XI", "XII", "BC", "AD", "CE", "BCE", "NEWS", "UPDATE", "PHOTO", "VIDEO", "READ", "MORE", "ALSO", "EDITOR", "NOTE",
        "SMS", "APP", "APPS", "EV", "EVs", "IPO", "ETF", "CPI", "PMI", "FDI", "R&D", "STEM", "LGBT", "LGBTQ", "USB",
        "WIFI", "GPS", "NB", "PS", "RSVP", "TBA", "ETA", "N", "S", "E", "W", "NE", "NW", "SE", "SW", "UAV", "UAVs",
        "MP", "MPs", "PhD", "MBA", "DIY", "FYI", "AKA", "ASAP", "BREAKING", "EXCLUSIVE",
        // Provenance: common-noun abbreviations of English news (a family doctor, post-nominal honours) and the
        // time-zone abbreviations of the tz database that follow clock times ("5:48 PM MST", "7:15 a.m. ET").
        "GP", "GPs", "ICU", "MRI", "ATM", "ATMs", "SUV", "SUVs", "IVF", "PPE", "OBE", "MBE", "CBE", "KC", "QC", "EPS",
        "ET", "PT", "CT", "MT", "EDT", "CDT", "CST", "MDT", "MST", "PDT", "AKST", "HST", "IST", "JST", "KST", "CEST",
        "EET", "EEST", "WET", "WEST", "AEST", "AEDT", "NZST", "SGT", "HKT",
    ];

    /// <summary>Lower-case nouns for organisations that announce a name ("environmental group X", "the developer, X,").</summary>
    // Provenance: general English news usage.
    public static readonly FrozenSet<string> OrgNouns = new[]
    {
        "group", "company", "firm", "developer", "operator", "manufacturer", "maker", "producer", "carrier", "bank",
        "lender", "insurer", "retailer", "startup", "start-up", "charity", "agency", "organisation", "organization",
        "union", "broadcaster", "newspaper", "publisher", "airline", "club", "team", "party", "ngo", "watchdog",
        "regulator", "think-tank", "institute", "network", "giant", "conglomerate", "supplier", "utility", "outlet",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Reporting verbs (lower case) that introduce or close a direct quotation.</summary>
    // Provenance: general English news usage.
    private static readonly string[] ReportingVerbList =
    [
        "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "stressed", "stresses", "stated",
        "states", "urged", "urges", "explained", "explains", "asked", "asks", "warned", "warns", "insisted", "insists",
        "emphasized", "emphasised", "emphasizes", "emphasises", "underlined", "underscored", "continued", "continues",
        "remarked", "commented", "declared", "declares", "announced", "announces", "replied", "replies", "responded",
        "wrote", "writes", "argued", "argues", "claimed", "claims", "acknowledged", "admitted", "admits", "confirmed",
        "observed", "suggested", "suggests", "recalled", "recalls", "saying", "adding", "noting", "stressing",
        "urging", "warning", "insisting", "calling", "reiterated", "reiterating", "highlighted", "highlighting",
        "maintained", "affirmed", "concluded", "cautioned", "vowed", "pledged", "predicted", "tweeted", "posted",
        "quipped", "conceded", "agreed", "believes", "believed", "hoped", "hopes", "demanded", "demands", "pointed",
        "called", "calls", "described", "describes", "described", "described", "stated", "announcing", "explaining",
        "telling", "asking", "declaring", "arguing", "claiming", "expressed", "expressing", "endorsed", "proposed",
        "reaffirmed", "assured", "promised", "answered", "shouted", "whispered", "joked", "testified", "briefed",
        "elaborated", "mentioned", "commenting", "responding", "urges", "speaking", "pledging", "vowing", "promising",
        "agreeing", "stating", "describing", "cautioning", "acknowledging", "admitting", "confirming", "accused",
        "accusing", "accuses", "criticized", "criticised", "criticizing", "criticising", "denounced", "condemned",
        "condemning", "praised", "praising", "dismissed", "rejected", "labelled", "labeled", "branded",
    ];

    public static readonly FrozenDictionary<string, (string Key, EntityKind Kind)> KnownNames;
    public static readonly FrozenDictionary<string, string[]> AliasesByKey;
    public static readonly FrozenSet<string> Demonyms = DemonymList.ToFrozenSet(Ci);
    public static readonly FrozenSet<string> Titles;
    public static readonly FrozenSet<string> TitleWords;
    /// <summary>First words of multi-word names, titles and demonyms ("North" for "North Korea").</summary>
    public static readonly FrozenSet<string> MultiWordStarts;
    /// <summary>One-word titles ("Director", "President", "Secretary").</summary>
    public static readonly FrozenSet<string> SingleWordTitles;
    public static readonly FrozenSet<string> RoleNouns = RoleNounList.ToFrozenSet(Ci);
    public static readonly FrozenSet<string> GivenNames = GivenNameList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> AsianSurnames = AsianSurnameList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> OrgCues = OrgCueList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> OrgHeads = OrgHeadList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> GeoCues = GeoCueList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> GeoHeads = GeoHeadList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> SiteNouns = SiteNounList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> EventCues = EventCueList.ToFrozenSet(Ci);
    public static readonly FrozenSet<string> CommonCapitalised = CommonCapitalisedList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> MonthsDays = MonthsAndDays.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> NonEntityAcronyms = NonEntityAcronymList.ToFrozenSet(StringComparer.Ordinal);
    public static readonly FrozenSet<string> ReportingVerbs = ReportingVerbList.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Honorifics that are dropped from a person's name (royal styles are kept, see GUIDELINES 3).</summary>
    public static readonly FrozenSet<string> Honorifics = new[]
    {
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Dr", "Dr.", "Prof", "Prof.", "Professor",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Styles that stay part of the name when they are the only name given ("Prince Charles").</summary>
    public static readonly FrozenSet<string> NameStyles = new[]
    {
        "King", "Queen", "Prince", "Princess", "Pope", "Lord", "Lady", "Sir", "Dame", "Baron", "Baroness", "Emperor",
        "Sheikh", "Crown Prince",
    }.ToFrozenSet(StringComparer.Ordinal);

    static Lexicon()
    {
        var names = new Dictionary<string, (string, EntityKind)>(Ci);
        var originals = new Dictionary<string, string>(Ci);
        var aliases = new Dictionary<string, string[]>(Ci);

        void AddGroup(string[] group, EntityKind kind)
        {
            var key = group[0];
            aliases[key] = group;
            foreach (var n in group)
            {
                if (names.TryAdd(n, (key, kind)))
                {
                    originals[n] = n;
                }
            }
        }

        foreach (var g in AliasGroupsLocation)
        {
            AddGroup(g, g[0] == "European Union" ? EntityKind.Organization : EntityKind.Location);
        }
        foreach (var g in AliasGroupsOrganization)
        {
            AddGroup(g, EntityKind.Organization);
        }
        foreach (var country in CountriesFromRegionInfo())
        {
            if (!names.ContainsKey(country))
            {
                AddGroup([country], EntityKind.Location);
            }
        }
        foreach (var c in Cities.Concat(Regions).Concat(Subdivisions))
        {
            if (!names.ContainsKey(c))
            {
                AddGroup([c], EntityKind.Location);
            }
        }
        KnownNames = names.ToFrozenDictionary(Ci);
        KnownOriginals = originals.ToFrozenDictionary(Ci);
        AliasesByKey = aliases.ToFrozenDictionary(Ci);
        Titles = TitleList.ToFrozenSet(Ci);
        SingleWordTitles = TitleList.Where(t => !t.Contains(' ')).ToFrozenSet(Ci);
        MultiWordStarts = names.Keys.Concat(TitleList).Concat(DemonymList).Where(t => t.Contains(' '))
            .Select(t => t[..t.IndexOf(' ')]).ToFrozenSet(Ci);
        TitleWords = TitleList.SelectMany(t => t.Split(' ')).Where(w => w.Length > 0 && w != "of" && w != "the")
            .ToFrozenSet(Ci);
    }

    /// <summary>Country and territory names from ICU via RegionInfo; empty under invariant globalization.</summary>
    private static IEnumerable<string> CountriesFromRegionInfo()
    {
        var result = new HashSet<string>(Ci);
        CultureInfo[] cultures;
        try
        {
            cultures = CultureInfo.GetCultures(CultureTypes.SpecificCultures);
        }
        catch (CultureNotFoundException)
        {
            return result;
        }
        foreach (var culture in cultures)
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }
            if (region.TwoLetterISORegionName.Length != 2 || !char.IsLetter(region.TwoLetterISORegionName[0]))
            {
                continue; // "world", "Europe", "Latin America" are UN M.49 areas, not countries
            }
            var name = region.EnglishName;
            int paren = name.IndexOf(" (", StringComparison.Ordinal);
            if (paren > 0)
            {
                result.Add(name[(paren + 2)..].TrimEnd(')'));
                name = name[..paren];
            }
            name = name.Replace(" & ", " and ", StringComparison.Ordinal).Replace("St. ", "Saint ", StringComparison.Ordinal);
            result.Add(name);
        }
        return result;
    }

    public static bool IsLocationName(string s) => TryKnown(s, out var v) && v.Kind == EntityKind.Location;

    /// <summary>
    /// Looks up a known name, ignoring case except for abbreviations: "Un" (in "Jong-Un") is not "UN",
    /// "Us" is not "US", "Who" is not "WHO".
    /// </summary>
    public static bool TryKnown(string s, out (string Key, EntityKind Kind) value)
    {
        if (!KnownNames.TryGetValue(s, out value))
        {
            return false;
        }
        if (KnownOriginals.TryGetValue(s, out var original) && IsAbbreviation(original) && !string.Equals(original, s, StringComparison.Ordinal)
            && !IsAbbreviation(s))
        {
            value = default;
            return false;
        }
        return true;
    }

    private static bool IsAbbreviation(string s)
    {
        int letters = 0;
        foreach (var ch in s)
        {
            if (char.IsLetter(ch))
            {
                if (!char.IsUpper(ch))
                {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    private static readonly FrozenDictionary<string, string> KnownOriginals;
}

/// <summary>Entity class used inside the recogniser (mapped to the proto EntityType at the end).</summary>
internal enum EntityKind
{
    None = 0,
    Person = 1,
    Organization = 2,
    Location = 3,
}
