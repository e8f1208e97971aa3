"""Words the prompt parser knows: numbers, quantities, styles, sizes, densities, lighting, relations."""

from __future__ import annotations

from dataclasses import dataclass

from ...paths import data_dir
from ...tomlcache import read_toml


@dataclass(frozen=True)
class StylePalette:
    """What a style selects: floor and wall finishes, furniture wood, upholstery textile, metal,
    and the colours upholstery is drawn from."""

    floor: str
    walls: str
    wood: str
    textile: str
    metal: str
    colors: tuple[str, ...]

NUMBERS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "pair": 2, "couple": 2, "both": 2, "twin": 2, "double": 2, "triple": 3,
}
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
UNITS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

VAGUE = {  # quantity words without a number: a plausible count
    "few": 3, "several": 4, "some": 3, "many": 6, "lots": 8, "lot": 8, "bunch": 5, "plenty": 6, "multiple": 3,
    "numerous": 8, "various": 4, "assorted": 4, "set": 4, "row": 5, "rows": 10, "stack": 5, "pile": 6,
    "dozens": 24, "hundreds": 100, "aisles": 6, "aisle": 4, "scores": 40, "handful": 4, "collection": 6, "array": 6, "loads": 10,
}

ARTICLES = {"a", "an", "the", "one", "some", "any", "this", "that", "its", "their", "his", "her", "my", "our", "your"}

STOP = {
    "a", "an", "the", "of", "with", "and", "or", "in", "on", "at", "to", "for", "by", "from", "is", "are", "be", "it",
    "its", "that", "this", "there", "which", "who", "has", "have", "having", "as", "well", "also", "plus", "very",
    "some", "room", "space", "area", "scene", "place", "setting", "style", "styled", "themed", "look", "feel",
    "filled", "full", "lit", "light", "lighting", "lights", "can", "opened", "open", "openable", "wall", "walls", "floor", "floors", "flooring", "ceiling", "corner", "middle", "center", "centre", "side",
    "each", "every", "other", "another", "few", "several", "many", "lots", "lot", "pair", "couple", "bunch",
    "dozen", "set", "sets", "row", "rows", "like", "into", "onto", "up", "down", "over", "under", "near", "next",
    "beside", "behind", "between", "against", "along", "around", "facing", "front", "back", "top", "inside",
    "holding", "containing", "stacked", "hanging", "mounted", "placed", "sitting", "standing", "resting", "lying",
    "arranged", "scattered", "spread", "lined", "stocked", "covered", "painted", "made", "built", "where", "while",
    "just", "only", "all", "both", "small", "large", "big", "little", "tiny", "huge", "long", "short", "tall", "low",
    "high", "wide", "narrow", "new", "old", "nice", "beautiful", "cozy", "cosy", "clean", "messy", "bright",
    "brightly", "dim", "dimly", "dark", "warm", "cool", "cold", "neon", "soft", "sunny", "airy", "simple",
    "typical", "standard", "regular", "generic", "basic", "real", "realistic", "modern", "rustic", "industrial",
    "vintage", "retro", "minimalist", "minimal", "bohemian", "boho", "scandinavian", "traditional", "classic",
    "contemporary", "luxurious", "luxury", "elegant", "futuristic", "farmhouse", "coastal", "japanese",
    "densely", "dense", "packed", "crowded", "cluttered", "sparse", "sparsely", "empty", "bare", "furnished",
    "decorated", "equipped", "featuring", "including", "includes", "include", "contains", "contain", "holds",
    "hold", "held", "them", "they", "those", "these", "his", "her", "their", "our", "my", "your", "tidy",
    "organized", "busy", "quiet", "private", "shared", "public", "main", "medium", "sized", "size",
    "visitor", "guest", "student", "students", "kids", "kid", "children", "child", "baby", "people", "person",
    "customers", "staff", "patients", "patient", "please", "make", "create", "generate", "build", "give", "me",
    "want", "need", "would", "should", "could", "show", "design", "i", "we", "you", "without",
}

STYLES: dict[str, str] = {}
"""Style word → style name (``data/knowledge/styles.toml``)."""

STYLE_PALETTE: dict[str, StylePalette] = {}
"""Style name → its palette (``data/knowledge/styles.toml``)."""

SIZE_WORDS = {"tiny": 0.6, "small": 0.75, "compact": 0.75, "cramped": 0.7, "little": 0.8, "narrow": 0.8,
              "cozy": 0.9, "cosy": 0.9, "medium": 1.0, "large": 1.3, "big": 1.3, "spacious": 1.4, "roomy": 1.3,
              "wide": 1.2, "huge": 1.7, "vast": 1.8, "enormous": 1.8, "massive": 1.7, "giant": 1.7, "grand": 1.3}
DENSE_WORDS = {"densely", "dense", "packed", "crowded", "cluttered", "stuffed", "jammed", "full", "busy", "messy",
               "overflowing", "hoarder", "crammed"}
SPARSE_WORDS = {"sparse", "sparsely", "empty", "bare", "minimal", "minimalist", "uncluttered", "spartan"}

LIGHT_WORDS = {
    "dim": "dim", "dimly": "dim", "dark": "dim", "darkened": "dim", "moody": "dim", "candlelit": "dim",
    "gloomy": "dim", "shadowy": "dim", "low": None,
    "bright": "bright", "brightly": "bright", "sunny": "bright", "sunlit": "bright", "airy": "bright",
    "luminous": "bright", "illuminated": "bright",
    "warm": "warm", "cool": "cool", "cold": "cool", "daylight": "cool", "fluorescent": "cool", "clinical": "cool",
    "neon": "neon",
}

# relation phrases, longest first; value: relation kind
RELATIONS = [
    ("on top of", "on"), ("on the top of", "on"), ("sitting on", "on"), ("resting on", "on"), ("placed on", "on"),
    ("standing on", "on"), ("lying on", "on"), ("set on", "on"), ("upon", "on"), ("onto", "on"), ("atop", "on"),
    ("inside of", "in"), ("inside", "in"), ("within", "in"), ("in front of", "front"),
    ("next to", "next_to"), ("close to", "next_to"), ("adjacent to", "next_to"), ("beside", "next_to"),
    ("besides", "next_to"), ("alongside", "next_to"), ("near", "next_to"), ("by", "next_to"), ("beneath", "under"),
    ("underneath", "under"), ("under", "under"), ("below", "under"), ("behind", "behind"),
    ("between", "between"), ("against", "against"), ("along", "against"), ("up against", "against"),
    ("lining", "against"), ("mounted on", "on_wall"), ("hung on", "on_wall"), ("hanging on", "on_wall"),
    ("hanging from", "hanging"), ("suspended from", "hanging"), ("hanging above", "above"), ("hung above", "above"),
    ("mounted above", "above"), ("above", "above"), ("hanging over", "above"), ("hung over", "above"),
    ("over", "above"), ("facing", "facing"), ("face", "facing"), ("faces", "facing"), ("looking at", "facing"), ("pointed at", "facing"),
    ("toward", "facing"), ("towards", "facing"), ("opposite", "facing"), ("across from", "facing"),
    ("around", "around"), ("surrounding", "around"), ("encircling", "around"), ("circling", "around"),
    ("at", "at"), ("on", "on"), ("in", "in"),
]

CONTENT_VERBS = ["full of", "filled with", "overflowing with", "brimming with", "crammed with", "heaped with", "stocked with", "holding", "containing", "loaded with", "packed with",
                 "stacked with", "lined with", "covered with", "covered in", "topped with", "piled with",
                 "with", "displaying", "carrying", "storing", "housing", "holds", "contains", "displays", "carries",
                 "stores", "houses", "supports"]

ARTICULATION_PHRASES = ["can be opened", "that opens", "that open", "openable", "opening", "can open", "working",
                        "functional", "operable", "with doors that open", "with opening doors", "articulated"]

# parts of objects: "a filing cabinet with drawers" describes the cabinet, it adds no object
PART_WORDS = {"drawer", "drawers", "door", "doors", "shelf board", "handle", "handles", "leg", "legs", "wheel",
              "wheels", "arm", "arms", "armrest", "armrests", "cushion cover", "knob", "knobs", "lid", "lids",
              "hinge", "hinges", "top", "base", "frame", "slat", "slats", "headboard", "footboard", "glass door",
              "glass doors", "compartment", "compartments", "storage", "space", "feet", "bedding", "linens"}
OPENING_PARTS = {"drawer", "drawers", "door", "doors", "lid", "lids", "hinge", "hinges", "glass door", "glass doors"}
SCENE_WORDS = {"tabletop", "scene", "setup", "set up", "vignette", "view", "shot", "arrangement", "environment",
               "interior", "layout", "world", "simulation", "sim", "render", "nook", "reading", "spot", "zone",
               "apartment", "flat", "house", "home", "building", "floor plan", "corner", "area", "space"}

# quantity modes: words before a count that make it a lower bound, or insist on it
AT_LEAST = ["at least", "no fewer than", "no less than", "a minimum of", "at minimum", "or more", "more than",
            "over", "upwards of", "plus"]
EXACTLY = ["exactly", "precisely", "only", "just", "no more than", "a total of", "in total", "total"]
COPULAS = {"is", "are", "was", "were", "be", "being", "been", "feels", "feel", "looks", "look", "seems", "seem",
           "stays", "remains", "becomes"}
EACH_WORDS = {"each", "apiece", "per"}
SET_FOR_PEOPLE = {"people", "persons", "guests", "diners", "person", "adults", "kids", "seats", "places"}
PEOPLE_WORDS = SET_FOR_PEOPLE | {"students", "pupils", "children", "workers", "employees", "staff", "participants",
                                 "attendees", "members", "users", "visitors", "patients", "customers"}
"""Who a room is for ("a conference room for ten people", "a classroom for 20 students")."""
PLACE_SETTING = ("plate", "glass", "fork", "knife")
"""What one place setting puts on the table ("a dining table set for 12": 12 of each, and 12 chairs)."""
STACK_WORDS = {"stacked", "stack", "stacks", "pile", "piles", "piled", "heap", "heaps", "tower", "towers"}
ROW_WORDS = {"rows", "row"}
ENTRANCE_WORDS = {"entrance", "entry", "entryway", "door", "doorway", "doors", "front door", "threshold"}
FOOT_WORDS = {"foot", "end"}

# words that are never objects (adjectives, adverbs, verbs, abstract nouns) though they look like nouns;
# suffixes of abstract nouns, adjectives and participles (see parse._concrete)
NON_OBJECTS = {
    "group", "groups", "cluster", "clusters", "team", "teams", "need", "needs", "want", "wants",
    "far", "valuable", "visibility", "adorned", "total", "research", "good", "great", "best", "better", "fine",
    "walk", "walks", "walking", "air", "smell", "smells", "scent", "aroma", "music", "sound", "sounds", "noise",
    "breeze", "warmth", "silence", "sunlight", "daylight",
    "use", "purpose", "function", "ambience", "ambiance", "atmosphere", "vibe", "vibes", "theme", "mood", "feeling",
    "sense", "touch", "hint", "accent", "accents", "detail", "details", "character", "charm", "comfort",
    "plenty", "variety", "range", "mix", "selection", "kind", "kinds", "type", "types", "sort", "sorts", "style",
    "way", "ways", "thing", "things", "stuff", "item", "items", "object", "objects", "lot", "end", "part", "parts",
    "city", "town", "street", "view", "views", "time", "day", "night", "morning", "evening", "year", "years",
    "work", "study", "play", "fun", "rest", "relaxation", "storage", "display", "seating", "circulation",
    "access", "privacy", "quality", "value", "price", "cost", "budget", "color", "colour", "colors", "colours",
    "shade", "shades", "tone", "tones", "finish", "finishes", "texture", "textures", "pattern", "patterns",
    "décor", "decor", "furniture", "furnishings", "equipment", "gear", "supplies", "essentials", "amenities",
    "appliances", "fixtures", "accessories", "decorations", "clutter", "mess", "layout", "design", "space",
    "sized", "size", "shape", "level", "top", "bottom", "left", "right", "side", "sides", "half", "enough", "else", "everything", "something", "anything", "nothing", "someone", "everyone", "area", "areas",
    "section", "sections", "zone", "zones", "region", "position", "location", "spot", "feet", "meter", "meters",
    "metre", "metres", "foot", "inch", "inches", "cm", "m", "ft", "percent", "degrees", "chic", "cute", "comfy",
    "plush", "fancy", "stylish", "trendy", "quaint", "charming", "inviting", "welcoming", "homey", "homely",
    "lush", "grand", "vibrant", "colorful", "colourful", "rich", "deep", "pale", "light", "dark", "pretty",
    "lovely", "nice", "neat", "ornate", "sleek", "sturdy", "heavy", "old", "used", "worn", "shabby", "dusty",
    "dirty", "clean", "tidy", "ready", "available", "several", "various", "many", "much", "more", "most", "less",
    "least", "only", "just", "even", "still", "yet", "already", "almost", "nearly", "about", "around", "approximately",
    "roughly", "really", "quite", "rather", "so", "too", "very", "extra", "other", "same", "different",
    "lies", "lie", "sits", "sit", "rests", "hangs", "hang", "leans", "lean", "faces", "face", "looks", "seems",
    "feels", "calm", "serene", "peaceful", "relaxing", "perfect", "ideal", "family", "friends", "weekend",
    "weekends", "lodge", "cottage", "villa", "mansion", "castle", "palace", "chalet", "manor", "hotel", "resort",
    "upstairs", "downstairs", "inside", "outside", "indoor", "outdoor", "away", "together", "apart",
    "everywhere", "anywhere", "somewhere", "nowhere", "fire", "flames", "flame", "machine", "machines",
    "clear", "walkway", "walkways", "path", "paths", "gap", "gaps", "passage", "clearance",
    "issue", "issues", "edition", "editions", "news", "story", "stories", "idea", "ideas", "love", "hobby", "life",
    "fresh", "humid", "damp", "moist", "dry", "wet", "latest", "recent", "single", "whole", "entire", "busy",
    "smelling", "scented", "fragrant", "hot", "cool", "chilly", "stuffy", "noisy", "loud", "quiet", "pours", "pour", "streams", "stream", "shines", "shine", "glows", "glow", "fills", "fill",
}
AMBIENT_LIGHT = {"natural", "day", "sun", "soft", "ambient", "diffused", "indirect", "morning", "evening", "afternoon",
                 "golden", "filtered", "dappled", "gentle"}
"""Words before "light" that make it the room's light, not a lamp ("natural light from large windows")."""
BUILDING_PARTS = {
    "roof", "roofs", "ceiling", "ceilings", "wall", "walls", "floor", "floors", "window", "windows", "door", "doors",
    "doorway", "doorways", "skylight", "skylights", "opening", "entrance", "beam", "beams", "rafter", "rafters",
    "staircase", "stairs", "stairwell", "corridor", "hallway", "archway", "alcove", "gable", "eaves", "attic",
    "basement", "balcony",
}
"""Parts of the room's shell: never objects, and never a relation's target object."""
BUILDING_WORDS = {
    "greenhouse", "conservatory", "house", "building", "barn", "cabin", "warehouse", "factory", "school", "hospital",
    "church", "mall", "store", "shop", "estate", "farm", "campus", "tower", "skyscraper", "complex", "laundromat",
    "salon", "clinic", "bistro", "diner", "boutique", "gallery", "museum", "pharmacy", "bakery", "arcade",
}
"""Buildings a room is in: the room type or nothing, never an object."""
POSITION_WORDS = {
    "end", "ends", "middle", "side", "sides", "corner", "corners", "center", "centre", "edge", "edges", "back", "front",
    "rear", "left", "right", "top", "bottom", "far", "near", "head", "half", "length", "width", "perimeter",
}
"""Places in a room or along a thing: "at the end", "in the middle" (a relation's target is never one)."""
IRREGULAR_PLURALS = {
    "cacti": "cactus", "fungi": "fungus", "mice": "mouse", "geese": "goose", "teeth": "tooth", "dice": "die",
    "children": "child", "men": "man", "women": "woman", "people": "person", "loaves": "loaf", "halves": "half",
    "buses": "bus", "vases": "vase", "cases": "case", "bases": "base", "hooves": "hoof", "scarves": "scarf",
    "octopi": "octopus", "radii": "radius", "cloths": "cloth", "axes": "axe", "oxen": "ox", "sheep": "sheep",
    "fish": "fish", "series": "series", "species": "species", "gas": "gas", "canvases": "canvas",
}
"""Plurals the generic rule gets wrong (checked before :func:`omni_generalist.assets.catalog.singular`)."""
COMPOUND_MODIFIERS = {
    "watering", "sewing", "ironing", "cutting", "chopping", "sleeping", "punching", "vending", "shopping",
    "swimming", "skipping", "climbing", "fishing",
}
"""-ing words that make a compound with the noun after them ("a watering can", "a potting bench")."""
NOUN_VERBS = {
    "frame": "next_to", "frames": "next_to", "flank": "next_to", "flanks": "next_to", "line": "against",
    "lines": "against", "top": "on", "tops": "on", "cover": "on", "covers": "on", "face": "facing",
    "faces": "facing", "hold": None, "holds": None, "stand": None, "stands": None, "sit": None, "sits": None,
    "hang": None, "hangs": None, "run": None, "runs": None, "rest": None, "rests": None, "fill": None, "fills": None,
    "border": "next_to", "borders": "next_to", "surround": "around", "surrounds": "around",
}
"""Words that are nouns elsewhere but verbs after a noun and before a determiner ("curtains frame the
window", "shelves line the walls"); value: the relation the verb says (None: only a verb)."""
POSITION_VERBS = {"sits", "sit", "stands", "stand", "hangs", "hang", "rests", "rest", "runs", "run", "lies", "lie",
                  "is", "are", "leans", "lean", "waits", "wait", "placed", "stood", "sat"}
"""Verbs whose subject is placed by the relation after them ("a toy box ... sits at the foot of the bed")."""
NON_OBJECT_SUFFIXES = ("ity", "ness", "tion", "sion", "ment", "ance", "ence", "ism", "ship", "hood", "ly", "ous",
                       "ful", "ive", "less", "ish", "ical", "ible", "able", "ed", "ing", "est")
CONCRETE_EXCEPTIONS = {
    "clothing", "bedding", "railing", "railings", "awning", "painting", "paintings", "drawing", "drawings", "carving",
    "building", "swing", "ring", "string", "sling", "wing", "spring", "king", "wedding", "pudding", "stuffing",
    "ornament", "ornaments", "instrument", "instruments", "cabinet", "garment", "garments", "pavement", "cement",
    "fence", "sentence", "station", "stations", "ration", "lotion", "potion", "cushion", "cushions", "ottoman",
    "cable", "cables", "bed", "sled", "shed", "reed", "seed", "seeds", "weed", "sheed", "needle", "bottle",
    "fly", "belly", "jelly", "lily", "trolley", "trolleys", "dolly", "pulley", "bully", "holly", "gully",
    "olive", "olives", "hive", "knife", "knives", "dish", "fish", "radish", "bush", "brush", "relish",
    "chest", "vest", "nest", "crest", "easel", "pencil", "vessel", "dresser", "ironing", "chessboard",
}


def _load_styles() -> None:
    raw = read_toml(data_dir() / "knowledge" / "styles.toml")
    for name, d in raw.items():
        for word in d.get("words", [name]):
            if word in STYLES:
                raise ValueError(f"styles.toml: the word {word!r} names two styles")
            STYLES[word] = name
        STYLE_PALETTE[name] = StylePalette(d["floor"], d["walls"], d["wood"], d["textile"], d["metal"],
                                           tuple(d.get("colors", ())))


_load_styles()

