// Package text turns raw document text into tokens and sentences with byte offsets into the cleaned input.
//
// Clean makes arbitrary bytes safe to process (valid UTF-8, no stray control characters) and reports what it
// changed. Tokenize and Segment follow the tokenization conventions of the UD English EWT treebank, so that the
// tagger and parser trained on it see the same kind of tokens at run time: clitics are split (do n't, I 'm,
// Bush 's), most hyphens are their own tokens, abbreviations, numbers, URLs, e-mail addresses and emoticons
// stay whole. Segment also splits the token stream into sentences. Both run in time linear in the input and
// allocate only their output; a Segmenter reuses its buffers so that repeated calls allocate nothing.
package text
