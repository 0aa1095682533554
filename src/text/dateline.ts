// A dateline's form, read on folded text (dashes folded to '-'), whatever the agency: "19 octobre (Reuters) –",
// "Nov 3 (Xinhua) -", "MOGADISHU, Somalia —", "BEIRUT, Nov 3 (AFP) -". Shared by the places (a dateline cues its
// name as a place), the extraction (the dateline's place is where the report was filed) and the report's date.

/** What ends a dateline ("(AFP) -", " - "). */
export const DATELINE_AFTER = /^\s*(?:\d{4})?\s*(?:\([^()]{2,30}\)\s*-|\s-\s)/;

/** What follows the place of a dateline: its country or date, then the dateline's end. */
export const PLACE_DATELINE_AFTER = new RegExp(`^(?:\\s*,\\s*[^\\s,.;:()-][^,.;:()-]{0,30})?${DATELINE_AFTER.source.slice(1)}`);

/** The name a text opens with when it opens with a dateline ("alma al-shaab" of "alma al-shaab, lebanon - …"). */
export const DATELINE_NAME = new RegExp(`^([^\\s,.;:()-][^,.;:()]{2,40}?)(?=${PLACE_DATELINE_AFTER.source.slice(1)})`);
