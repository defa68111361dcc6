"""Which of our regions is nearest a place the customer names ("which is closest to germany?" after the regions: the
scope reply came). Our regions' names say where each is (us-east, eu-west, ap-southeast); a place is matched to one by
the part of the world it is in, and left to the customer where that says nothing clear (Africa, the Middle East)."""

from __future__ import annotations

import re

# The part of the world each region's name puts it in, as its prefix says.
_REGION_OF_PREFIX = {"us": "us-east", "eu": "eu-west", "ap": "ap-southeast"}
# Places customers name, by the prefix of the region that is plainly nearest them. South America is nearer Virginia
# than Ireland; India and Oceania nearer Singapore.
_PLACES = {
    "eu": ("europe", "germany", "deutschland", "france", "spain", "portugal", "italy", "netherlands", "holland",
           "belgium", "luxembourg", "switzerland", "austria", "poland", "czechia", "czech republic", "slovakia",
           "hungary", "romania", "bulgaria", "greece", "croatia", "slovenia", "serbia", "denmark", "sweden", "norway",
           "finland", "iceland", "ireland", "uk", "united kingdom", "britain", "great britain", "england", "scotland",
           "wales", "estonia", "latvia", "lithuania", "ukraine", "london", "paris", "berlin", "munich", "frankfurt",
           "hamburg", "amsterdam", "madrid", "barcelona", "rome", "milan", "vienna", "zurich", "geneva", "stockholm",
           "oslo", "copenhagen", "helsinki", "dublin", "lisbon", "warsaw", "prague", "brussels", "budapest"),
    "us": ("the us", "us", "usa", "united states", "america", "north america", "canada", "mexico", "new york",
           "california", "texas", "florida", "toronto", "vancouver", "montreal", "chicago", "boston", "seattle",
           "san francisco", "los angeles", "south america", "latin america", "brazil", "argentina", "chile",
           "colombia", "peru"),
    "ap": ("asia", "southeast asia", "south east asia", "asia pacific", "apac", "singapore", "malaysia", "indonesia",
           "thailand", "vietnam", "philippines", "japan", "korea", "south korea", "china", "hong kong", "taiwan",
           "india", "australia", "new zealand", "oceania", "tokyo", "sydney", "melbourne", "bangkok", "jakarta",
           "manila", "mumbai", "bangalore", "bengaluru", "delhi", "seoul"),
}
_SAID_WITH_THE = {"us", "usa", "uk", "united states", "united kingdom", "netherlands", "philippines", "czech republic"}
_PREFIX_OF_PLACE = {place: prefix for prefix, places in _PLACES.items() for place in places}
# "Which is closest to germany?", "which one would be best for users in japan?", "what's the nearest region to
# the uk": the nearest of the regions, to a place named last.
ASKS_THE_NEAREST = re.compile(
    r"^\W*(?:(?:and|ok(?:ay)?|so|but)[,\s]+)?(?:which|what)(?:'s|\s+is|\s+one|\s+region|\s+server|\s+of\s+them|\s+of\s+those)?"
    r"(?:\s+(?:is|would\s+be|will\s+be))?\s+(?:the\s+)?(?:closest|nearest|best|fastest|quickest)(?:\s+(?:one|region|server))?"
    r"\s+(?:to|for|from)\s+(?:(?:users|customers|people|visitors)\s+in\s+)?(?:the\s+)?(?P<place>[a-z]{2,}(?:\s+[a-z]{2,}){0,2})"
    r"\s*[?.!]*$", re.IGNORECASE)


def nearest_region(message: str) -> tuple[str, str] | None:
    """The region plainly nearest the place the message asks about, with the place as asked ("eu-west", "Germany");
    None when it asks nothing of the kind, or of a place not plainly nearer one region than the others."""
    asked = ASKS_THE_NEAREST.match(message.strip())
    if asked is None:
        return None
    place = asked["place"].lower()
    prefix = _PREFIX_OF_PLACE.get(place) or _PREFIX_OF_PLACE.get(f"the {place}")
    if prefix is None:
        return None
    place = place.removeprefix("the ")
    named = place.upper() if len(place) <= 3 else place.title()
    return _REGION_OF_PREFIX[prefix], f"the {named}" if place in _SAID_WITH_THE else named


_PLACE_NAMES = "|".join(sorted((re.escape(place) for place in _PREFIX_OF_PLACE), key=len, reverse=True))
# "Slow for users in asia", "our customers are in germany": a place the app's users are in, said with "in".
_USERS_IN_A_PLACE = re.compile(rf"\bin\s+(?:the\s+)?(?P<place>{_PLACE_NAMES})\b", re.IGNORECASE)
# "Which region should I use?", "what region do you recommend?": a region to pick, naming no place.
_WHICH_REGION_TO_PICK = re.compile(
    r"^\W*(?:(?:and|ok(?:ay)?|so|but|then)[,\s]+)?(?:which|what)\s+(?:region|one|server|data\s*cent(?:er|re))\s+(?:should|would|do|can)"
    r"\s+(?:i|we|you)\s+(?:use|pick|choose|go\s+(?:for|with)|recommend|suggest|deploy\s+to|move\s+to)(?:\s+then)?\s*[?.!]*\s*$",
    re.IGNORECASE)


def region_to_pick_asked_for_a_place(message: str, *, asked_before: str) -> str | None:
    """"Which region should I use?" right after "my site is slow for users in asia": the question as the nearest region to
    that place ("which region is closest to asia?"); None for another message, or with no place said before."""
    if not _WHICH_REGION_TO_PICK.match(message) or (place := _USERS_IN_A_PLACE.search(asked_before)) is None:
        return None
    return f"which region is closest to {place['place'].lower()}?"

