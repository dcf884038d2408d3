import type { AnyBlock } from '@blockloom/sdk';
import { reverseListOrderBlock } from './basic/reverse-list-order';
import { universalTypeConverterBlock } from './basic/universal-type-converter';
import { concatenateListsBlock } from './data/concatenate-lists';
import { dictionaryIsEmptyBlock } from './data/dictionary-is-empty';
import { findInListBlock } from './data/find-in-list';
import { flattenListBlock } from './data/flatten-list';
import { interleaveListsBlock } from './data/interleave-lists';
import { listDifferenceBlock } from './data/list-difference';
import { listIntersectionBlock } from './data/list-intersection';
import { listIsEmptyBlock } from './data/list-is-empty';
import { removeFromDictionaryBlock } from './data/remove-from-dictionary';
import { removeFromListBlock } from './data/remove-from-list';
import { replaceDictionaryValueBlock } from './data/replace-dictionary-value';
import { replaceListItemBlock } from './data/replace-list-item';
import { zipListsBlock } from './data/zip-lists';
import { jsonDecoderBlock } from './formats/json-decoder';
import { jsonEncoderBlock } from './formats/json-encoder';
import { readSpreadsheetBlock } from './formats/read-spreadsheet';
import { xmlParserBlock } from './formats/xml-parser';
import { dataSamplingBlock } from './logic/data-sampling';
import { persistInformationBlock } from './persistence/persist-information';
import { retrieveInformationBlock } from './persistence/retrieve-information';
import { codeExtractionBlock } from './text/code-extraction';
import { textDecoderBlock } from './text/text-decoder';
import { textEncoderBlock } from './text/text-encoder';
import { wordCharacterCountBlock } from './text/word-character-count';
import { countdownTimerBlock } from './time/countdown-timer';
import { getCurrentDateBlock } from './time/get-current-date';
import { getCurrentDateAndTimeBlock } from './time/get-current-date-and-time';
import { getCurrentTimeBlock } from './time/get-current-time';

/** Core blocks beyond the first set (catalogue §1): data formats, time, lists, dictionaries, text, persistence. */
export const moreCoreBlocks: readonly AnyBlock[] = [
  // Basic (§1.2)
  universalTypeConverterBlock,
  reverseListOrderBlock,
  // Dictionaries and lists (§1.3)
  removeFromDictionaryBlock,
  replaceDictionaryValueBlock,
  dictionaryIsEmptyBlock,
  findInListBlock,
  removeFromListBlock,
  replaceListItemBlock,
  listIsEmptyBlock,
  concatenateListsBlock,
  flattenListBlock,
  interleaveListsBlock,
  zipListsBlock,
  listDifferenceBlock,
  listIntersectionBlock,
  // Text (§1.4)
  textDecoderBlock,
  textEncoderBlock,
  codeExtractionBlock,
  wordCharacterCountBlock,
  // Time (§1.5)
  getCurrentTimeBlock,
  getCurrentDateBlock,
  getCurrentDateAndTimeBlock,
  countdownTimerBlock,
  // Logic (§1.6)
  dataSamplingBlock,
  // Structured data (§1.7)
  jsonEncoderBlock,
  jsonDecoderBlock,
  xmlParserBlock,
  readSpreadsheetBlock,
  persistInformationBlock,
  retrieveInformationBlock,
];
