package text

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/articlebot/articlebot/qa/data"
)

// A WordSet is a fixed list of normalised words. It is built once and
// never changes, so stages may share it.
type WordSet struct{ m map[string]bool }

// wordSetOf makes a set of words.
func wordSetOf(words []string) WordSet {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return WordSet{m}
}

// Has reports whether the set holds the normalised word.
func (s WordSet) Has(norm string) bool { return s.m[norm] }

// Words returns the set's words, in no order.
func (s WordSet) Words() []string {
	out := make([]string, 0, len(s.m))
	for w := range s.m {
		out = append(out, w)
	}
	return out
}

// Words are the English word lists of a Lexicon, each read from a file of
// qa/data/words whose header says what the list is, which stage reads it
// and where it comes from. A stage reads them from the lexicon it was
// given: lx.TitleHeads.Has(norm).
type Words struct {
	// The word kinds (see WordKind): what indexing asks of every token.
	StopWords, QuestionWords, LogicWords, NumberWords, TimeWords, FutureWords WordSet
	PlacePrepositions, TitleHeads, CurrencyWords, TimeUnits, LengthUnits      WordSet
	WeightUnits, QuantityUnits, FrequencyWords                                WordSet

	// What attribution reads names, roles and bodies with.
	CalendarWords, RoleModifiers, GroupNouns, NameParticles, NameConnectors WordSet
	Honorifics, FemaleWords, MaleWords, OrgWords, OrgNouns, DocNouns        WordSet
	PersonNouns, CompoundSuffixes, PlaceWords, SpeechNouns, IssuedDocNouns  WordSet
	BodyModifiers, BodyParts, RelativeCopulas, RoleAdverbs                  WordSet

	// The verbs of saying and quoting, in their base form; the lexicon
	// also stems all their forms (see Lexicon.IsSpeech, IsQuoteVerb and
	// IsDocumentVerb).
	SpeechVerbs, QuoteVerbs, DocumentVerbs WordSet

	// The closed classes of English that attribution reads clauses with:
	// it tags no parts of speech, but knows these words, and takes the
	// rest for nouns, names, adjectives and verbs by their place and shape.
	Determiners, PossessiveDeterminers, Quantifiers, Prepositions, Conjunctions WordSet
	Subordinators, Relatives, Auxiliaries, ClauseAdverbs, ChainPrepositions     WordSet
	RolePrepositions, LyNouns, IrregularParticiples, DocVerbs, AddForms         WordSet

	// What question analysis (package qa) reads a question with.
	QuestionAuxiliaries, NumberNouns, TimeNouns, PlaceNouns, TermNouns WordSet
	RoleNouns, PredicateVerbs, Negations, FrameWords, LeadVerbs        WordSet
	MoneyWords, PhrasalParticles                                       WordSet

	// What the ranking reads a sentence with.
	LeadTitles WordSet

	// What answer spans (package qa) are cut with.
	TimeModifiers, ScaleWords, TheConnectors, NamingWords WordSet

	// What a question typed in a chat opens with, asking nothing.
	ChatWords WordSet

	// IrregularAmbiguous are past forms the lexicon does not map to their
	// verb (see irregular.tsv).
	IrregularAmbiguous WordSet
}

// A wordList names the file of qa/data/words that a list is read from.
type wordList struct {
	file string
	set  *WordSet
}

// lists returns w's lists with their files, in the order of the fields.
func (w *Words) lists() []wordList {
	return []wordList{
		{"stop-words.txt", &w.StopWords},
		{"question-words.txt", &w.QuestionWords},
		{"logic-words.txt", &w.LogicWords},
		{"number-words.txt", &w.NumberWords},
		{"time-words.txt", &w.TimeWords},
		{"future-words.txt", &w.FutureWords},
		{"phrasal-particles.txt", &w.PhrasalParticles},
		{"place-prepositions.txt", &w.PlacePrepositions},
		{"title-heads.txt", &w.TitleHeads},
		{"sport-roles.txt", &w.TitleHeads}, // the players' positions, a domain list
		{"currency-words.txt", &w.CurrencyWords},
		{"time-units.txt", &w.TimeUnits},
		{"length-units.txt", &w.LengthUnits},
		{"weight-units.txt", &w.WeightUnits},
		{"quantity-units.txt", &w.QuantityUnits},
		{"frequency-words.txt", &w.FrequencyWords},
		{"calendar-words.txt", &w.CalendarWords},
		{"role-modifiers.txt", &w.RoleModifiers},
		{"group-nouns.txt", &w.GroupNouns},
		{"name-particles.txt", &w.NameParticles},
		{"name-connectors.txt", &w.NameConnectors},
		{"honorifics.txt", &w.Honorifics},
		{"female-words.txt", &w.FemaleWords},
		{"male-words.txt", &w.MaleWords},
		{"org-words.txt", &w.OrgWords},
		{"club-words.txt", &w.OrgWords}, // the sports clubs' own, a domain list
		{"org-nouns.txt", &w.OrgNouns},
		{"doc-nouns.txt", &w.DocNouns},
		{"person-nouns.txt", &w.PersonNouns},
		{"compound-suffixes.txt", &w.CompoundSuffixes},
		{"place-words.txt", &w.PlaceWords},
		{"speech-nouns.txt", &w.SpeechNouns},
		{"issued-doc-nouns.txt", &w.IssuedDocNouns},
		{"body-modifiers.txt", &w.BodyModifiers},
		{"body-parts.txt", &w.BodyParts},
		{"relative-copulas.txt", &w.RelativeCopulas},
		{"role-adverbs.txt", &w.RoleAdverbs},
		{"speech-verbs.txt", &w.SpeechVerbs},
		{"quote-verbs.txt", &w.QuoteVerbs},
		{"document-verbs.txt", &w.DocumentVerbs},
		{"determiners.txt", &w.Determiners},
		{"possessive-determiners.txt", &w.PossessiveDeterminers},
		{"quantifiers.txt", &w.Quantifiers},
		{"prepositions.txt", &w.Prepositions},
		{"conjunctions.txt", &w.Conjunctions},
		{"subordinators.txt", &w.Subordinators},
		{"relatives.txt", &w.Relatives},
		{"auxiliaries.txt", &w.Auxiliaries},
		{"clause-adverbs.txt", &w.ClauseAdverbs},
		{"chain-prepositions.txt", &w.ChainPrepositions},
		{"role-prepositions.txt", &w.RolePrepositions},
		{"ly-nouns.txt", &w.LyNouns},
		{"irregular-participles.txt", &w.IrregularParticiples},
		{"doc-verbs.txt", &w.DocVerbs},
		{"add-forms.txt", &w.AddForms},
		{"question-auxiliaries.txt", &w.QuestionAuxiliaries},
		{"number-nouns.txt", &w.NumberNouns},
		{"time-nouns.txt", &w.TimeNouns},
		{"place-nouns.txt", &w.PlaceNouns},
		{"term-nouns.txt", &w.TermNouns},
		{"role-nouns.txt", &w.RoleNouns},
		{"predicate-verbs.txt", &w.PredicateVerbs},
		{"negations.txt", &w.Negations},
		{"frame-words.txt", &w.FrameWords},
		{"lead-verbs.txt", &w.LeadVerbs},
		{"money-words.txt", &w.MoneyWords},
		{"lead-titles.txt", &w.LeadTitles},
		{"time-modifiers.txt", &w.TimeModifiers},
		{"scale-words.txt", &w.ScaleWords},
		{"the-connectors.txt", &w.TheConnectors},
		{"naming-words.txt", &w.NamingWords},
		{"chat-words.txt", &w.ChatWords},
		{"irregular-ambiguous.txt", &w.IrregularAmbiguous},
	}
}

// read reads the lists of w from qa/data/words.
func (w *Words) read() error {
	// A set may be read from several files: a general list and a domain
	// list kept apart from it.
	words := make(map[*WordSet][]string)
	for _, l := range w.lists() {
		more, err := readWordFile(l.file)
		if err != nil {
			return err
		}
		words[l.set] = append(words[l.set], more...)
	}
	for set, ws := range words {
		*set = wordSetOf(ws)
	}
	return nil
}

// readWordFile returns the words of a file of qa/data/words in order,
// repeats included, for a test to find.
func readWordFile(name string) ([]string, error) {
	f, err := data.Words.Open("words/" + name)
	if err != nil {
		return nil, fmt.Errorf("cannot read word list: %w", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, "#") {
			words = append(words, strings.Fields(line)...)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot read word list %s: %w", name, err)
	}
	return words, nil
}

// A WordKind is a class of words that indexing asks about for every token.
// A cached word carries its kinds, looked up once when first seen (see
// Cache.Intern), so that asking costs a bit test, not a map lookup.
type WordKind uint16

const (
	KindStop         WordKind = 1 << iota // StopWords or QuestionWords
	KindLogic                             // LogicWords
	KindNumber                            // NumberWords
	KindTime                              // TimeWords
	KindFuture                            // FutureWords
	KindPlacePrep                         // PlacePrepositions
	KindTitleHead                         // TitleHeads
	KindCurrency                          // CurrencyWords
	KindTimeUnit                          // TimeUnits
	KindLengthUnit                        // LengthUnits
	KindQuantityUnit                      // WeightUnits or QuantityUnits
	KindFrequency                         // FrequencyWords
	KindLead                              // LeadTitles

	// What a word is as a place (see Lexicon.PlaceAt).
	KindPlace      // a place by itself: Lexicon.places
	KindPlaceStart // the first word of a longer place: Lexicon.placeFirst
)

// kindLists returns the lists of each word kind but the place kinds: a
// word in any of a kind's lists is of the kind.
func (w *Words) kindLists() []struct {
	kind WordKind
	sets []WordSet
} {
	return []struct {
		kind WordKind
		sets []WordSet
	}{
		{KindStop, []WordSet{w.StopWords, w.QuestionWords}},
		{KindLogic, []WordSet{w.LogicWords}},
		{KindNumber, []WordSet{w.NumberWords}},
		{KindTime, []WordSet{w.TimeWords}},
		{KindFuture, []WordSet{w.FutureWords}},
		{KindPlacePrep, []WordSet{w.PlacePrepositions}},
		{KindTitleHead, []WordSet{w.TitleHeads}},
		{KindCurrency, []WordSet{w.CurrencyWords}},
		{KindTimeUnit, []WordSet{w.TimeUnits}},
		{KindLengthUnit, []WordSet{w.LengthUnits}},
		{KindQuantityUnit, []WordSet{w.WeightUnits, w.QuantityUnits}},
		{KindFrequency, []WordSet{w.FrequencyWords}},
		{KindLead, []WordSet{w.LeadTitles}},
	}
}

// occupationSuffixes end the nouns for what people do: glaciologist,
// physician, coauthor, teenager, spokesman, attendant. -er, -ant and -ent
// also end many other words (answer, water, plant, event), and count only
// right before a name: see HasOccupationSuffix.
var occupationSuffixes = [...]struct {
	suffix string
	loose  bool
}{{"ist", false}, {"ian", false}, {"or", false}, {"man", false}, {"woman", false}, {"person", false},
	{"er", true}, {"ant", true}, {"ent", true}}

// HasOccupationSuffix reports whether a normalised word ends as a noun
// for what someone does: glaciologist, juror, spokesman; with loose, right
// before a name where such a noun stands, also teenager, attendant.
func HasOccupationSuffix(norm string, loose bool) bool {
	for _, s := range occupationSuffixes {
		if (loose || !s.loose) && strings.HasSuffix(norm, s.suffix) && len(norm) > len(s.suffix)+2 {
			return true
		}
	}
	return false
}

// CurrencySigns stand before an amount: "$250,000".
const CurrencySigns = "$£€¥₹"

// Singular returns a noun's singular form by dropping a plural ending:
// "residents" → "resident", "authorities" → "authority".
func Singular(norm string) string {
	switch {
	case strings.HasSuffix(norm, "ies") && len(norm) > 4:
		return norm[:len(norm)-3] + "y"
	case strings.HasSuffix(norm, "ses"), strings.HasSuffix(norm, "xes"), strings.HasSuffix(norm, "ches"), strings.HasSuffix(norm, "shes"):
		return norm[:len(norm)-2]
	case strings.HasSuffix(norm, "s") && !strings.HasSuffix(norm, "ss") && len(norm) > 3:
		return norm[:len(norm)-1]
	}
	return norm
}
