package text

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/articlebot/articlebot/qa/data"
	"github.com/kljensen/snowball/english"
)

// A Lexicon is reference data about English and the world that every
// article shares: word lists, such as the stop words and the nouns of
// office; irregular verbs, so that "took" finds "take"; and a gazetteer, so
// that "Ukrainian", "Kyiv" and "Ukraine" are one place. It is data, not
// code: see qa/data. It is read-only once built and safe for
// concurrent use.
type Lexicon struct {
	Words // the word lists, read from qa/data/words

	// kinds holds the kinds of every word of a kind (see WordKind),
	// places included, so that a word's kinds are one lookup.
	kinds map[string]WordKind

	irregular map[string]string // inflected form → base form: "took" → "take"

	// titleSynonyms map a title to the one it stands for: "leader" →
	// "president" (see FoldTitle).
	titleSynonyms map[string]string

	// particleVerbs map the stem of a verb that says something only with
	// a particle to its particles: "point" → "out" (see SaysWithParticle).
	particleVerbs map[string][]string

	// The stems of every form of SpeechVerbs, QuoteVerbs and
	// DocumentVerbs.
	speech, quote, document map[string]bool

	// givenNames tells, of a given name, whether it is a woman's (true)
	// or a man's (false).
	givenNames map[string]bool

	// places maps a place phrase as tokens normalise it ("united states",
	// "us", "american", "white house") to its country's key ("united states").
	places      map[string]string
	placeFirst  map[string]bool // the first words of the phrases of several words in places
	maxPlaceLen int             // longest phrase in places, in tokens
}

// DefaultLexicon returns the lexicon of the embedded data, parsed once, on
// first use.
func DefaultLexicon() *Lexicon { return defaultLexicon() }

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	lx, err := parseLexicon()
	if err != nil {
		panic(err) // the embedded data is part of the program: a test catches this
	}
	return lx
})

func parseLexicon() (*Lexicon, error) {
	lx := &Lexicon{
		irregular:  make(map[string]string),
		places:     make(map[string]string),
		placeFirst: make(map[string]bool),
	}
	if err := lx.Words.read(); err != nil {
		return nil, err
	}
	err := readTSV("irregular.tsv", 4, func(f []string) error {
		base := strings.ToLower(f[0])
		for _, col := range f[1:] {
			for _, form := range splitList(col) {
				form = strings.ToLower(form)
				if form != base && !lx.IrregularAmbiguous.Has(form) {
					lx.irregular[form] = base
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	lx.speech = lx.VerbStems(lx.SpeechVerbs)
	lx.quote = lx.VerbStems(lx.QuoteVerbs)
	lx.document = lx.VerbStems(lx.DocumentVerbs)
	lx.titleSynonyms = make(map[string]string)
	err = readTSV("title-synonyms.tsv", 2, func(f []string) error {
		lx.titleSynonyms[f[0]] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	lx.particleVerbs = make(map[string][]string)
	err = readTSV("particle-verbs.tsv", 2, lx.addParticleVerb)
	if err != nil {
		return nil, err
	}
	lx.givenNames = make(map[string]bool)
	err = readTSV("given-names.tsv", 2, func(f []string) error {
		lx.givenNames[f[0]] = f[1] == "f"
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("gazetteer.tsv", 5, func(f []string) error {
		key := placeKey(f[0])
		for _, col := range f {
			for _, name := range splitList(col) {
				p := placeKey(name)
				if p == "" {
					continue
				}
				if _, taken := lx.places[p]; !taken {
					lx.places[p] = key
				}
				if first, _, multi := strings.Cut(p, " "); multi {
					lx.placeFirst[first] = true
				}
				if n := len(strings.Fields(p)); n > lx.maxPlaceLen {
					lx.maxPlaceLen = n
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	lx.kinds = lx.wordKinds()
	return lx, nil
}

// wordKinds returns the kinds of every word that has any.
func (lx *Lexicon) wordKinds() map[string]WordKind {
	kinds := make(map[string]WordKind)
	for _, ks := range lx.kindLists() {
		for _, set := range ks.sets {
			for _, w := range set.Words() {
				kinds[w] |= ks.kind
			}
		}
	}
	for p := range lx.places {
		if !strings.Contains(p, " ") {
			kinds[p] |= KindPlace
		}
	}
	for w := range lx.placeFirst {
		kinds[w] |= KindPlaceStart
	}
	return kinds
}

// Kinds returns the kinds of a normalised word.
func (lx *Lexicon) Kinds(norm string) WordKind { return lx.kinds[norm] }

// inflections returns a regular verb's forms: the stemmer maps "added" to
// "ad" but "add" to "add", so each form is stemmed on its own.
func inflections(v string) []string {
	forms := []string{v, v + "s", v + "es", v + "ed", v + "ing"}
	if strings.HasSuffix(v, "e") {
		forms = append(forms, v+"d", v[:len(v)-1]+"ing")
	}
	if strings.HasSuffix(v, "y") {
		forms = append(forms, v[:len(v)-1]+"ies", v[:len(v)-1]+"ied")
	}
	if n := len(v); n >= 3 && !strings.ContainsRune("aeiouwxy", rune(v[n-1])) && strings.ContainsRune("aeiou", rune(v[n-2])) && !strings.ContainsRune("aeiou", rune(v[n-3])) {
		forms = append(forms, v+v[n-1:]+"ed", v+v[n-1:]+"ing") // admitted, admitting
	}
	return forms
}

// VerbStems returns the stems of every form of the verbs of a list, which
// holds them in their base form: a stem of "emphasised", "emphasized" or
// "emphasises" is in the set of "emphasise emphasize".
func (lx *Lexicon) VerbStems(verbs WordSet) map[string]bool {
	stems := make(map[string]bool)
	for _, v := range verbs.Words() {
		// Irregular forms ("said") stem as their base does.
		for _, form := range inflections(v) {
			stems[lx.Stem(form)] = true
		}
	}
	return stems
}

// GivenName reports whether a normalised word is a given name the lexicon
// knows the gender of, and whether it is a woman's.
func (lx *Lexicon) GivenName(norm string) (female, known bool) {
	female, known = lx.givenNames[norm]
	return female, known
}

// IsSpeech reports whether a stem is a verb of saying (see SpeechVerbs).
func (lx *Lexicon) IsSpeech(stem string) bool { return lx.speech[stem] }

// IsQuoteVerb reports whether a stem is a verb that takes the very words
// someone used: "described", "called" (see QuoteVerbs).
func (lx *Lexicon) IsQuoteVerb(stem string) bool { return lx.quote[stem] }

// IsDocumentVerb reports whether a stem is a verb that introduces a
// document's words: "discusses", "outlined" (see DocumentVerbs).
func (lx *Lexicon) IsDocumentVerb(stem string) bool { return lx.document[stem] }

// FoldTitle returns the title noun that stands for a title and its
// synonyms: "spokeswoman" and "spokesman" are "spokesperson".
func (lx *Lexicon) FoldTitle(w string) string {
	if s, ok := lx.titleSynonyms[w]; ok {
		return s
	}
	return w
}

// addParticleVerb adds a row of particle-verbs.tsv: a verb and its
// particles, in lower case, each verb's stem once.
func (lx *Lexicon) addParticleVerb(f []string) error {
	verb, particles := f[0], splitList(f[1])
	stem := lx.Stem(verb)
	switch {
	case verb != strings.ToLower(verb) || f[1] != strings.ToLower(f[1]):
		return fmt.Errorf("%q: not in lower case", verb)
	case len(particles) == 0:
		return fmt.Errorf("%q: no particles", verb)
	case lx.particleVerbs[stem] != nil:
		return fmt.Errorf("%q: a verb of the stem %q twice", verb, stem)
	}
	lx.particleVerbs[stem] = particles
	return nil
}

// ParticleVerb reports whether a verb's stem says something when a
// particle follows it, and not alone: "point" ("pointed out").
func (lx *Lexicon) ParticleVerb(stem string) bool { return lx.particleVerbs[stem] != nil }

// SaysWithParticle reports whether a verb's stem followed by a particle
// (normalised) is a verb of saying: "point" and "out", "call" and "for".
func (lx *Lexicon) SaysWithParticle(stem, particle string) bool {
	return slices.Contains(lx.particleVerbs[stem], particle)
}

// NameTail reports whether a word in lower case after a hyphen can end a
// name: a given name's second half (Ki-moon, Jong-un), not a compound
// modifier's (Paris-based, Trump-appointed, US-led), nor a small word
// after a dash typed as a hyphen ("in Berlin and Tokyo-and by …").
func (lx *Lexicon) NameTail(norm string) bool {
	return lx.kinds[norm]&KindStop == 0 && !lx.CompoundSuffixes.Has(norm) && !strings.HasSuffix(norm, "ed") && !strings.HasSuffix(norm, "ing")
}

// LyAdverb reports whether a normalised word reads as an adverb by its
// -ly: "repeatedly", but not "family" nor "rally" (ly-nouns.txt).
func (lx *Lexicon) LyAdverb(norm string) bool {
	return strings.HasSuffix(norm, "ly") && !lx.LyNouns.Has(norm)
}

// IrregularVerb reports whether a normalised word is an irregular form of
// a verb: "told", "took", "spoken".
func (lx *Lexicon) IrregularVerb(norm string) bool {
	_, ok := lx.irregular[norm]
	return ok
}

// Stem reduces a normalised word to its index term: irregular verb forms to
// their base (took → take, said → say), then the Snowball English stemmer.
// Numbers are their own terms.
func (lx *Lexicon) Stem(norm string) string {
	if norm == "" || unicode.IsDigit(rune(norm[0])) {
		return norm
	}
	if base, ok := lx.irregular[norm]; ok {
		norm = base
	}
	return english.Stem(norm, true)
}

// placeKey normalises a place name the way tokens are normalised.
func placeKey(name string) string {
	toks := appendTokens(nil, name, nil, nil)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	return strings.Join(words, " ")
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func readTSV(name string, columns int, row func([]string) error) error {
	f, err := data.Files.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	err = data.Rows(f, func(fields []string) error {
		if len(fields) != columns {
			return fmt.Errorf("%d fields, want %d", len(fields), columns)
		}
		return row(fields)
	})
	if err != nil {
		return fmt.Errorf("qa/data: %s: %w", name, err)
	}
	return nil
}

// PlaceAt returns the country key and length in tokens of the longest place
// phrase starting at toks[i], or "", 0.
func (lx *Lexicon) PlaceAt(toks []Token, i int) (string, int) {
	if !toks[i].Cap {
		return "", 0
	}
	if w := toks[i].W; w != nil && w.Kinds&(KindPlace|KindPlaceStart) == 0 {
		return "", 0 // known not to be a place, without looking
	}
	if !lx.placeFirst[toks[i].Norm] {
		key, ok := lx.places[toks[i].Norm]
		if !ok {
			return "", 0
		}
		return key, 1
	}
	// The phrase is built once, longest first, and its shorter forms are
	// its prefixes. Only its first word need be a capital: the phrases
	// are names, and inner words may be connectors ("Bosnia and
	// Herzegovina").
	var buf [128]byte
	phrase := buf[:0]
	ends := make([]int, 0, 8)
	for k := i; k < min(i+lx.maxPlaceLen, len(toks)); k++ {
		if k > i {
			phrase = append(phrase, ' ')
		}
		phrase = append(phrase, toks[k].Norm...)
		ends = append(ends, len(phrase))
	}
	for n := len(ends); n > 0; n-- {
		if key, ok := lx.places[string(phrase[:ends[n-1]])]; ok {
			return key, n
		}
	}
	return "", 0
}
