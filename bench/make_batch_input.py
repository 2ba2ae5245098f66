#!/usr/bin/env python3
"""Write a batch screening input of N rows (default 1,000,000) for the whole-process benchmark,
shaped like a counterparty file: mostly distinct names no list carries — people from several
naming cultures (some with a middle name or initial, some written "SURNAME, Given"), companies
in several styles (word + industry + legal form, founders' names, place names, coined names,
acronyms), a country code on some rows — and 2% names of listed parties from the 2022 CSL, half of
them with a character dropped. Deterministic (fixed seed). It prints how many names are distinct:
a file of a few thousand names repeated would measure a cache, not the engine.

    bench/make_batch_input.py /tmp/batch_1m.csv [rows] [../shared/data/lists/us_csl/consolidated_2022-05.csv.gz]
"""
import csv
import gzip
import random
import sys

# Given names and surnames by naming culture, so that a person's name is plausible as a whole.
PEOPLE = {
    "en": (["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
            "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
            "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark",
            "Margaret", "Steven", "Sandra", "Paul", "Ashley", "Andrew", "Emily", "Kevin", "Donna"],
           ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
            "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark",
            "Lewis", "Robinson", "Walker", "Young", "Allen", "Wright", "Scott", "Green", "Baker", "Adams",
            "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner",
            "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan"]),
    "es": (["Carlos", "Ana", "Jose", "Maria", "Luis", "Carmen", "Javier", "Lucia", "Miguel", "Elena",
            "Mateo", "Sofia", "Diego", "Valentina", "Alejandro", "Isabel", "Pablo", "Camila", "Andres"],
           ["Garcia", "Martinez", "Rodriguez", "Lopez", "Hernandez", "Gonzalez", "Perez", "Sanchez",
            "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Morales", "Ortiz", "Castillo",
            "Romero", "Navarro", "Ruiz", "Vargas", "Mendoza", "Herrera", "Medina", "Aguilar"]),
    "de": (["Hans", "Anna", "Lukas", "Lena", "Jonas", "Leonie", "Felix", "Hannah", "Maximilian",
            "Laura", "Stefan", "Katrin", "Jurgen", "Sabine", "Tobias", "Julia", "Florian", "Monika"],
           ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
            "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Zimmermann",
            "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler"]),
    "fr": (["Pierre", "Marie", "Jean", "Camille", "Louis", "Chloe", "Antoine", "Manon", "Nicolas",
            "Juliette", "Julien", "Claire", "Mathieu", "Amelie", "Thibault", "Ines"],
           ["Dubois", "Martin", "Bernard", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel",
            "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
            "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure", "Blanc"]),
    "it": (["Marco", "Giulia", "Luca", "Francesca", "Giovanni", "Chiara", "Alessandro", "Sara",
            "Matteo", "Federica", "Andrea", "Silvia", "Davide", "Elisa"],
           ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
            "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
            "Lombardi", "Moretti"]),
    "ru": (["Ivan", "Olga", "Sergei", "Natalia", "Dmitry", "Elena", "Alexei", "Tatiana", "Andrei",
            "Irina", "Mikhail", "Svetlana", "Nikolai", "Anastasia", "Pavel", "Yulia", "Viktor", "Oksana"],
           ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov",
            "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov", "Egorov",
            "Pavlov", "Kozlov", "Stepanov", "Nikolaev", "Orlov", "Andreev", "Makarov", "Zakharov"]),
    "zh": (["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Jun", "Li", "Hui", "Ying", "Tao", "Xin",
            "Hao", "Lin", "Qiang", "Mei", "Xiaoming", "Yufei", "Zihan", "Haoran", "Yuxuan", "Jiahui"],
           ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
            "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang"]),
    "ja": (["Kenji", "Yuki", "Hiroshi", "Aiko", "Takashi", "Yumi", "Daisuke", "Haruka", "Shota",
            "Naoko", "Ryo", "Emi", "Kazuki", "Mai"],
           ["Tanaka", "Suzuki", "Sato", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura",
            "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue"]),
    "ko": (["Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Do-yun", "Su-bin", "Jae-won", "Ye-jin",
            "Hyun-woo", "Ji-woo"],
           ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"]),
    "in": (["Priya", "Rahul", "Amit", "Anjali", "Vikram", "Sneha", "Arjun", "Pooja", "Rohan", "Kavya",
            "Sanjay", "Deepa", "Aditya", "Neha", "Rajesh", "Divya"],
           ["Kumar", "Singh", "Sharma", "Patel", "Gupta", "Reddy", "Iyer", "Nair", "Mehta", "Joshi",
            "Rao", "Das", "Chopra", "Malhotra", "Banerjee", "Kapoor", "Bhat", "Pillai"]),
    "ar": (["Ahmed", "Fatima", "Omar", "Aisha", "Youssef", "Mariam", "Khaled", "Layla", "Hassan",
            "Noor", "Karim", "Salma", "Tariq", "Rania", "Samir", "Huda"],
           ["Haddad", "Nasser", "Khalil", "Mansour", "Saleh", "Farouk", "Aziz", "Rahman", "Hamdan",
            "Darwish", "Sabbagh", "Khoury", "Barakat", "Qasim", "Najjar", "Abboud"]),
    "nordic": (["Lars", "Ingrid", "Erik", "Astrid", "Nils", "Sigrid", "Magnus", "Freja", "Anders",
                "Karin", "Olav", "Maja"],
               ["Nielsen", "Johansson", "Andersson", "Hansen", "Larsen", "Karlsson", "Eriksson",
                "Olsen", "Pedersen", "Lindqvist", "Berg", "Halvorsen", "Virtanen", "Korhonen"]),
    "africa": (["Chinedu", "Amara", "Kwame", "Ama", "Tunde", "Ngozi", "Kofi", "Zainab", "Sipho",
                "Thandiwe", "Emeka", "Abena"],
               ["Okafor", "Mensah", "Adeyemi", "Boateng", "Okonkwo", "Nkosi", "Asante", "Eze",
                "Owusu", "Dlamini", "Bello", "Mwangi"]),
}

WORDS = ["Global", "Pacific", "Northern", "Blue", "Green", "Silver", "Sunrise", "Summit", "Coastal",
         "Prime", "Atlas", "Pioneer", "Harbor", "Valley", "Metro", "Union", "Royal", "Golden", "United",
         "Eastern", "Western", "Southern", "Crystal", "Evergreen", "Maple", "Cedar", "Oak", "Falcon",
         "Eagle", "Lion", "Horizon", "Vertex", "Apex", "Nova", "Stellar", "Orbit", "Quantum", "Fusion",
         "Precision", "Dynamic", "Advanced", "Integrated", "Allied", "Continental", "Liberty", "Heritage",
         "Keystone", "Cornerstone", "Bridgewater", "Riverside", "Lakeside", "Highland", "Meridian",
         "Polar", "Tropic", "Red", "White", "Black", "Bright", "Clear", "Swift", "Rapid", "Smart",
         "True", "First", "Alpha", "Delta", "Omega", "Sigma", "Zenith", "Aurora", "Cobalt", "Granite",
         "Iron", "Copper", "Ivory", "Jade", "Amber", "Onyx", "Sapphire", "Emerald", "Pearl", "Coral",
         "Sterling", "Crown", "Empire", "Regal", "Noble", "Trident", "Phoenix", "Titan", "Vista"]
KINDS = ["Logistics", "Trading", "Electronics", "Components", "Foods", "Textiles", "Software",
         "Consulting", "Shipping", "Machinery", "Pharma", "Energy", "Holdings", "Semiconductors",
         "Instruments", "Systems", "Solutions", "Technologies", "Industries", "Manufacturing",
         "Materials", "Chemicals", "Plastics", "Metals", "Motors", "Automation", "Robotics", "Optics",
         "Devices", "Networks", "Telecom", "Media", "Capital", "Partners", "Ventures", "Investments",
         "Properties", "Construction", "Engineering", "Healthcare", "Medical", "Biotech", "Agro",
         "Farms", "Apparel", "Furniture", "Packaging", "Printing", "Freight", "Marine", "Aviation",
         "Security", "Data", "Analytics", "Labs", "Supply", "Distribution", "Imports", "Exports"]
FORMS = ["Ltd", "Ltd.", "Limited", "LLC", "Inc.", "Inc", "Corp.", "Corporation", "GmbH", "AG",
         "S.A.", "SA", "S.A. de C.V.", "SAS", "SARL", "Co., Ltd.", "Pte. Ltd.", "Pty Ltd", "B.V.",
         "N.V.", "S.r.l.", "S.p.A.", "Oy", "AB", "A/S", "Sp. z o.o.", "K.K.", "PLC", "LLP", "OOO"]
PLACES = ["Shenzhen", "Shanghai", "Ningbo", "Suzhou", "Dongguan", "Mumbai", "Pune", "Chennai",
          "Hamburg", "Bremen", "Rotterdam", "Antwerp", "Lyon", "Milano", "Torino", "Osaka", "Nagoya",
          "Busan", "Incheon", "Monterrey", "Guadalajara", "Sao Paulo", "Santiago", "Lima", "Dubai",
          "Istanbul", "Izmir", "Cairo", "Lagos", "Nairobi", "Johannesburg", "Sydney", "Auckland",
          "Vancouver", "Toronto", "Chicago", "Houston", "Denver", "Boston", "Seattle", "Manchester",
          "Leeds", "Glasgow", "Dublin", "Oslo", "Gothenburg", "Tampere", "Gdansk", "Brno", "Porto"]
SYLLABLES = ["vo", "ra", "tek", "lin", "ex", "or", "max", "tri", "zen", "qu", "al", "dex", "ion",
             "nor", "sol", "vi", "ka", "tro", "ly", "bel", "cor", "dan", "fi", "gen", "mo", "nex"]
COUNTRIES = ["US", "DE", "FR", "GB", "IT", "ES", "NL", "SE", "JP", "KR", "IN", "BR", "MX", "CA", "AU",
             "SG", "AE", "TR", "ZA", "NG", "CN", "HK", "TW", "PL", "CH"]


def listed_names(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [row["name"] for row in csv.DictReader(f) if row["name"].strip()]


def perturb(name, rng):
    if len(name) > 6 and rng.random() < 0.5:
        i = rng.randrange(len(name))
        return name[:i] + name[i + 1:]
    return name


def person(rng):
    given, surnames = PEOPLE[rng.choice(list(PEOPLE))]
    first, last = rng.choice(given), rng.choice(surnames)
    r = rng.random()
    if r < 0.25:
        first += " " + rng.choice(given)  # a middle name
    elif r < 0.50:
        first += " " + rng.choice("ABCDEFGHJKLMNPRSTW") + "."  # a middle initial
    r = rng.random()
    if r < 0.10:
        return f"{last.upper()}, {first}"
    if r < 0.15:
        return f"{first} {last}".upper()
    return f"{first} {last}"


def company(rng):
    r = rng.random()
    form = rng.choice(FORMS)
    if r < 0.40:
        return f"{rng.choice(WORDS)} {rng.choice(KINDS)} {form}"
    if r < 0.55:
        return f"{rng.choice(PLACES)} {rng.choice(WORDS)} {rng.choice(KINDS)} {form}"
    if r < 0.70:
        a, b = rng.choice(PEOPLE[rng.choice(list(PEOPLE))][1]), rng.choice(PEOPLE["en"][1])
        return f"{a} & {b} {rng.choice(KINDS)} {form}" if rng.random() < 0.5 else f"{a} {rng.choice(KINDS)} {form}"
    if r < 0.85:
        coined = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        return f"{coined} {rng.choice(KINDS)} {form}" if rng.random() < 0.6 else f"{coined} {form}"
    if r < 0.93:
        acronym = "".join(rng.choice("ABCDEFGHIKLMNPRSTVX") for _ in range(rng.randint(2, 4)))
        return f"{acronym} {rng.choice(KINDS)} {form}"
    return f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(KINDS)} {form}"


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    listed = listed_names(sys.argv[3] if len(sys.argv) > 3 else "../shared/data/lists/us_csl/consolidated_2022-05.csv.gz")
    rng = random.Random(20261128)
    distinct = set()
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "country"])
        for i in range(rows):
            r = rng.random()
            if r < 0.02:
                name = perturb(rng.choice(listed), rng)
            elif r < 0.50:
                name = person(rng)
            else:
                name = company(rng)
            distinct.add(name)
            country = rng.choice(COUNTRIES) if rng.random() < 0.3 else ""
            w.writerow([f"c{i}", name, country])
    print(f"{rows} rows, {len(distinct)} distinct names", file=sys.stderr)


if __name__ == "__main__":
    main()
