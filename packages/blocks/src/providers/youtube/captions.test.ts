import { describe, expect, it } from 'vitest';
import { captionTracksOf, embeddedJson, parseTimedText, pickTrack, type CaptionTrack } from './captions';

const track = (languageCode: string, kind?: string): CaptionTrack => ({
  baseUrl: `/t/${languageCode}/${kind ?? 'manual'}`,
  languageCode,
  ...(kind ? { kind } : {}),
});

describe('pickTrack', () => {
  it('prefers manual English, then auto English, then manual any, then the first', () => {
    expect(pickTrack([track('de'), track('en', 'asr'), track('en-GB')])?.baseUrl).toBe('/t/en-GB/manual');
    expect(pickTrack([track('de'), track('en', 'asr')])?.baseUrl).toBe('/t/en/asr');
    expect(pickTrack([track('fr', 'asr'), track('de')])?.baseUrl).toBe('/t/de/manual');
    expect(pickTrack([track('fr', 'asr'), track('de', 'asr')])?.baseUrl).toBe('/t/fr/asr');
    expect(pickTrack([])).toBeUndefined();
  });
});

describe('captionTracksOf', () => {
  it('reads the track list and skips entries without a URL', () => {
    const player = {
      captions: {
        playerCaptionsTracklistRenderer: {
          captionTracks: [{ baseUrl: '/a', languageCode: 'en', kind: 'asr' }, { languageCode: 'de' }],
        },
      },
    };
    expect(captionTracksOf(player)).toEqual([{ baseUrl: '/a', languageCode: 'en', kind: 'asr' }]);
    expect(captionTracksOf({ playabilityStatus: { status: 'OK' } })).toEqual([]);
    expect(captionTracksOf(undefined)).toEqual([]);
  });
});

describe('parseTimedText', () => {
  it('reads <text> elements, decoding (double-escaped) entities and dropping markup', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8" ?><transcript>' +
      '<text start="0" dur="1.5">Hello &amp;amp; welcome</text>' +
      '<text start="1.5" dur="2">it&amp;#39;s <font color="#E5E5E5">great</font> &#x1F600;</text>' +
      '<text start="4" dur="1">  </text>' +
      '<text start="5" dur="1">[Music]\nend</text></transcript>';
    expect(parseTimedText(xml)).toEqual(['Hello & welcome', "it's great 😀", '[Music]\nend']);
  });

  it('reads the srv3 <p> format too', () => {
    expect(
      parseTimedText('<timedtext><body><p t="0" d="1"><s>one</s> <s>two</s></p></body></timedtext>'),
    ).toEqual(['one two']);
  });
});

describe('embeddedJson', () => {
  it('takes the balanced object after the marker, braces in strings included', () => {
    const html = 'var ytInitialPlayerResponse = {"a":{"b":"}{\\"x"},"c":[1]};var other = {};</script>';
    expect(embeddedJson(html, 'ytInitialPlayerResponse')).toEqual({ a: { b: '}{"x' }, c: [1] });
    expect(embeddedJson('<html></html>', 'ytInitialPlayerResponse')).toBeUndefined();
    expect(embeddedJson('ytInitialPlayerResponse = {"broken": ', 'ytInitialPlayerResponse')).toBeUndefined();
  });
});
