// One document through the stages: clean → language → document date → extract.
import { createHash } from 'node:crypto';
import type { CleanedDocument, DocumentInfo, ExtractedEvent, RawDocument } from '../types.ts';
import { cleanDocument, contentZones, type LineFrequency } from '../clean/zones.ts';
import { detectLanguage, isSupported } from '../language/detect.ts';
import { documentDate } from '../docdate/docdate.ts';
import { eventVocabularies, languagePack } from '../extract/lang/index.ts';
import { extractEvents, type SentenceAnalysis } from '../extract/pipeline.ts';
import { outletFor } from '../extract/mentions.ts';
import { fold } from '../text/fold.ts';
import { documentDateMentions } from '../extract/dates.ts';

export interface ProcessOptions {
  readonly lineFrequency?: LineFrequency;
  /** Latest date a document can be about when it gives none: today. */
  readonly ceiling?: string;
  /** The text's contentHash, when the caller has it already (ingest hashes to skip known content). */
  readonly hash?: string;
}

export interface ProcessedDocument {
  readonly info: DocumentInfo;
  readonly cleaned: CleanedDocument;
  readonly events: readonly ExtractedEvent[];
  readonly sentences: readonly SentenceAnalysis[];
  /** Why no events were extracted, when the language is not one vigie reads. */
  readonly unsupported: string | null;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function processDocument(doc: RawDocument, { lineFrequency, ceiling = new Date().toISOString().slice(0, 10), hash }: ProcessOptions = {}): ProcessedDocument {
  const raw = doc.text;
  const folded = fold(raw);
  const cleaned = cleanDocument(raw, lineFrequency ? { lineFrequency, folded } : { folded });
  const content = contentZones(cleaned.zones).map((z) => raw.slice(z.start, z.end)).join('\n');
  const lang = detectLanguage(content || raw, doc.language, eventVocabularies());
  const pack = isSupported(lang.language) ? languagePack(lang.language) : null;
  const dateMentions = pack ? documentDateMentions(raw, folded, pack) : undefined;
  const published = documentDate({ raw, folded, cleaned, published: doc.published ?? null, url: doc.url ?? null, pack, ceiling, ...(dateMentions ? { dateMentions } : {}) });
  const info: DocumentInfo = {
    name: doc.name,
    url: doc.url ?? null,
    outlet: doc.outlet ?? outletFor(cleaned.outletFromText, doc.url ?? null),
    language: lang.language,
    languageRule: lang.rule,
    published,
    hash: hash ?? contentHash(raw),
    ...(doc.metadata ? { metadata: doc.metadata } : {}),
  };
  if (!pack) {
    return { info, cleaned, events: [], sentences: [], unsupported: `language '${lang.language}' is not yet supported (vigie extracts fr and en)` };
  }
  const result = extractEvents({ raw, folded, language: pack.language, zones: cleaned.zones, published, ceiling, ...(dateMentions ? { dateMentions } : {}) });
  return { info, cleaned, events: result.events, sentences: result.sentences, unsupported: null };
}
