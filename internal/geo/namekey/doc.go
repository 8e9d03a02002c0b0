// Package namekey folds place names into lookup keys, so that "São Paulo", "SAO PAULO" and
// "Sao-Paulo" meet in one key ("sao paulo"). The gazetteer indexes names by key and folds every
// query the same way; the generator uses the same keys to match names across sources.
//
// A key is lowercase; Latin letters lose their diacritics (ß → ss, æ → ae, ł → l); apostrophes and
// periods vanish ("N'Djamena" → "ndjamena", "St." → "st"); hyphens, dashes, slashes and other
// punctuation become one space; a leading "the" is dropped ("the Gaza Strip" → "gaza strip").
// Letters of other scripts are only lowercased.
package namekey
