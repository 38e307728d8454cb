// Command wordnetgen builds qa/data/related.txt, the table of related
// stems with which package qa matches a question's words to an article's
// paraphrase of them ("truce" and "cease-fire", "envoy" and "diplomat"),
// and qa/data/antonyms.txt, the table of opposed stems with which its
// decliner notices a question that asks the opposite of what a sentence
// says ("the smallest" of "the largest"), from the Princeton WordNet 3.0
// database files (Debian package wordnet-base). It is run by hand when a
// table's recipe changes, and its output is committed: building and testing
// qa need neither this command nor WordNet.
//
//	go run ./qa/internal/wordnetgen -dict /usr/share/wordnet -out qa/data/related.txt -antonyms qa/data/antonyms.txt
//
// # Format
//
// UTF-8 lines sorted by key (byte order), one per key, each ended by a
// newline:
//
//	key<TAB>rel1 rel2 rel3
//
// The table is plain text, not compressed, because package qa embeds it and
// binary-searches it where it lies, with no load step.
//
// Keys and related terms are Snowball English stems (english.Stem(w, true)
// of the lower-cased lemma), the terms package qa indexes. The related terms
// are ordered from closest to loosest.
//
// # What goes in the table
//
// Every single-word lemma of every part of speech is a source; its key is
// its stem, so a noun and a verb that stem alike ("purchase") pool their
// relations. So is a phrasal verb, a verb and one particle ("step_down",
// "call_off"): its key is the verb's stem, an underscore and the particle
// ("step_down", "call_off"), and it relates only forwards, to single
// words ("resign", "cancel"), so that a question's "step down" finds an
// article's "resigned" while every other key's line stays as it was.
// Other lemmas with underscores (multiword) or digits are skipped, and
// so are the senses in which a lemma is a proper name (capitalised in its
// synset: "Bush", "Pole"), because names are matched exactly and places have
// qa's gazetteer. A hyphenated noun is joined ("cease-fire" becomes
// "ceasefire"), the way news now writes most of them; other hyphenated
// lemmas are skipped, since qa splits a hyphenated word into its halves.
//
// WordNet lists a lemma's senses by frequency, so only the first few count
// (maxSenses: 3 for verbs, 2 otherwise), weighed by senseWeight (1, 0.6,
// 0.4). From those senses a lemma relates to:
//
//   - its synonyms, the other lemmas of the synset (weightSynonym);
//   - its derivationally related forms, WordNet's "+" pointers from this
//     lemma, and the "\" pertainyms of adjectives and adverbs
//     (weightDerived): describe→description, diplomat→diplomacy;
//   - in its first sense only, the lemmas of a noun's or a verb's
//     hypernym (weightHypernym): firearm→gun, envoy→diplomat,
//     pledge→promise, approve→pass, allege→claim; but not a hypernym with
//     more than maxHyponyms kinds, too general to say anything
//     (leader→person); and an adjective's "similar to" heads
//     (weightSimilar);
//   - in its first sense only, one step further (weightSecond): the
//     derived forms of its synonyms and the synonyms of its derived forms,
//     which is how troop (troops, soldiery) reaches soldier.
//
// Without the hypernyms, firearm/gun, envoy/diplomat, pledge/promise,
// approve/pass and allegation/claim are lost and the table shrinks by a
// third; without the second step, soldier/troop is lost.
//
// Hypernyms and second steps count backwards too, at weightReverse, so that
// diplomat reaches envoy and ambassador (its hyponyms, which WordNet links
// only upwards) and soldier reaches troop. Synonyms are not mirrored: a
// synonym in another word's main sense often lies in a minor sense of this
// one (soldier is a synonym of goldbrick, pass of die), and derived forms
// are stored both ways already.
//
// A stem's lemmas pool their relations in proportion to the square root of
// how often SemCor tags each (cntlist.rev), relative to the stem's most
// tagged lemma, and a lemma with less than minShare of it is left out: the
// verb kill outweighs the adjective killing (hilarious), the noun soldier
// the verb (to shirk), the verb pass the adjective passing (transient).
//
// Scores from different senses, parts of speech and routes add up; terms
// are ordered by score, then by how often SemCor tags them, then
// alphabetically; terms under minScore are dropped and the first maxRelated
// kept. Never related, and never keys: the key itself, stems of one or two
// letters, and the words in excluded.
//
// # Antonyms
//
// The antonym table has the same form; its terms are in alphabetical
// order. A lemma's first senses (maxSenses) oppose what WordNet's "!"
// pointers of their synsets name, and an adjective's also what its head's
// do (tiny is similar to small, which is opposed to large). An adjective's
// comparative and superlative oppose as it does (smallest, larger): Snowball
// leaves them as they are, so they are keys and terms of their own.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/qa/text"
	"github.com/kljensen/snowball/english"
)

// The recipe. The weights are relative: only their order and sums matter.
const (
	maxRelated  = 12   // related terms kept per key
	maxHyponyms = 25   // a hypernym with more kinds is too general to relate: person, act
	minShare    = 0.2  // a lemma 25 times rarer than its stem's main lemma adds nothing
	minScore    = 0.15 // terms scoring less are dropped

	weightSynonym  = 1.0
	weightDerived  = 0.8
	weightHypernym = 0.5
	weightSimilar  = 0.5
	weightSecond   = 0.35
	weightReverse  = 0.5
)

// maxSenses returns how many of a lemma's senses count in a part of speech:
// verbs spread their common meanings over more senses than nouns do.
func maxSenses(file byte) int {
	if file == 'v' {
		return 3
	}
	return 2
}

// senseWeight returns the weight of a lemma's r-th sense (from 0).
func senseWeight(r int) float64 { return [...]float64{1, 0.6, 0.4}[r] }

// excluded lists the words whose stems are neither keys nor related terms:
// the light verbs, whose dozens of senses relate them to nearly everything
// (make: build, create, urinate), the verbs of saying, which qa handles on
// its own and which would tie every quotation to every statement, and the
// stop words, which qa does not index.
const excluded = `be have do make get go take give come put set let keep seem become
	say tell will would shall should can could may might must one
	the a an and or but nor not no all any both each few some such own same very
	more most other only than too so as also just yet if then that this these those
	it its he him his she her they them their we us our you your me my mine
	at by for from in into of off on out over to up down with about after
	again against before under through during above below between further once
	here there while until because although though whether
`

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "folder with WordNet 3.0's index.* and data.* files")
	out := flag.String("out", "qa/data/related.txt", "file to write the related stems to")
	antonyms := flag.String("antonyms", "qa/data/antonyms.txt", "file to write the antonyms to")
	flag.Parse()
	if err := run(*dict, *out, *antonyms); err != nil {
		log.Fatalf("wordnetgen: %v", err)
	}
}

func run(dict, out, antonyms string) error {
	wn, err := loadWordNet(dict)
	if err != nil {
		return err
	}
	for _, t := range []struct {
		name  string
		table map[string][]string
	}{{out, wn.related()}, {antonyms, wn.antonyms()}} {
		var text bytes.Buffer
		keys := writeTable(&text, t.table)
		if err := os.WriteFile(t.name, text.Bytes(), 0o644); err != nil {
			return err
		}
		log.Printf("wordnetgen: %s: %d keys, %d bytes", t.name, keys, text.Len())
	}
	return nil
}

// A synsetID names a synset by its data file ('n', 'v', 'a' or 'r'; an
// adjective satellite 's' lives in data.adj) and its byte offset there.
type synsetID struct {
	file   byte
	offset uint32
}

type synset struct {
	words    []string // as written, lower case except proper names; adjective markers removed
	pointers []pointer
}

// A pointer is a relation from a synset: semantic (source and target are 0)
// or lexical, from the source-th word to the target-th word (1-based).
type pointer struct {
	symbol         string
	to             synsetID
	source, target int
}

// A lemma is one line of an index file: its senses in WordNet's order,
// most frequent first.
type lemma struct {
	word   string
	file   byte
	senses []synsetID
}

type wordNet struct {
	synsets    map[synsetID]*synset
	lemmas     []lemma
	tagged     map[string]int      // stem → SemCor tag count of its lemmas
	counts     map[lemmaPOS]int    // lemma in a part of speech → SemCor tag count
	irregular  map[string][]string // adjective → its irregular comparative and superlative (adj.exc): good → better, best
	nounOrVerb map[string]bool     // the nouns and verbs, and their stems: "shutter", "batter"
}

type lemmaPOS struct {
	word string
	file byte
}

func loadWordNet(dict string) (*wordNet, error) {
	wn := &wordNet{synsets: make(map[synsetID]*synset), tagged: make(map[string]int), counts: make(map[lemmaPOS]int),
		irregular: make(map[string][]string), nounOrVerb: make(map[string]bool)}
	files := []struct {
		file byte
		name string
	}{{'n', "noun"}, {'v', "verb"}, {'a', "adj"}, {'r', "adv"}}
	for _, f := range files {
		if err := readLines(filepath.Join(dict, "data."+f.name), func(fields []string) error {
			return wn.addSynset(f.file, fields)
		}); err != nil {
			return nil, err
		}
		if err := readLines(filepath.Join(dict, "index."+f.name), func(fields []string) error {
			return wn.addLemma(f.file, fields)
		}); err != nil {
			return nil, err
		}
	}
	err := readLines(filepath.Join(dict, "adj.exc"), func(fields []string) error {
		// inflected_form base_form…
		if len(fields) < 2 {
			return fmt.Errorf("%d fields, want at least 2", len(fields))
		}
		for _, base := range fields[1:] {
			if base != fields[0] {
				wn.irregular[base] = append(wn.irregular[base], fields[0])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines(filepath.Join(dict, "cntlist.rev"), func(fields []string) error {
		// sense_key sense_number tag_cnt, sense_key = lemma%ss_type:...
		if len(fields) != 3 {
			return fmt.Errorf("%d fields, want 3", len(fields))
		}
		word, rest, ok := strings.Cut(fields[0], "%")
		n, err := strconv.Atoi(fields[2])
		if !ok || err != nil || rest == "" || !strings.Contains("12345", rest[:1]) {
			return fmt.Errorf("invalid sense count %q", strings.Join(fields, " "))
		}
		file := "nvara"[rest[0]-'1'] // ss_type 1-5: noun, verb, adjective, adverb, satellite
		wn.counts[lemmaPOS{word, file}] += n
		if w, ok := normalize(word, file); ok {
			wn.tagged[stem(w)] += n
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return wn, wn.check()
}

// check reports a sense or a pointer to a synset or word that is not there,
// so that related need not.
func (wn *wordNet) check() error {
	for _, l := range wn.lemmas {
		for _, id := range l.senses {
			if wn.synsets[id] == nil {
				return fmt.Errorf("invalid WordNet: lemma %s (%c): synset %08d is missing", l.word, l.file, id.offset)
			}
		}
	}
	for id, s := range wn.synsets {
		for _, p := range s.pointers {
			t := wn.synsets[p.to]
			if t == nil || p.source > len(s.words) || p.target > len(t.words) {
				return fmt.Errorf("invalid WordNet: synset %08d (%c): pointer %s to a missing synset or word", id.offset, id.file, p.symbol)
			}
		}
	}
	return nil
}

// readLines calls line with the fields of every line of a WordNet file but
// the licence header (lines that start with a space) and the glosses.
func readLines(name string, line func(fields []string) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		if text == "" || text[0] == ' ' {
			continue
		}
		if i := strings.Index(text, " | "); i >= 0 {
			text = text[:i]
		}
		if err := line(strings.Fields(text)); err != nil {
			return fmt.Errorf("cannot read %s: line %d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cannot read %s: %w", name, err)
	}
	return nil
}

// addSynset parses a data file line:
// offset lex_filenum ss_type w_cnt (word lex_id)… p_cnt (symbol offset pos source/target)… [frames]
func (wn *wordNet) addSynset(file byte, f []string) error {
	if len(f) < 4 {
		return fmt.Errorf("%d fields, want at least 4", len(f))
	}
	offset, err := strconv.ParseUint(f[0], 10, 32)
	if err != nil {
		return fmt.Errorf("invalid offset: %w", err)
	}
	nw, err := strconv.ParseUint(f[3], 16, 8)
	if err != nil {
		return fmt.Errorf("invalid word count: %w", err)
	}
	i := 4 + 2*int(nw)
	if len(f) <= i {
		return fmt.Errorf("%d fields for %d words", len(f), nw)
	}
	s := &synset{}
	for w := range int(nw) {
		word := f[4+2*w]
		if j := strings.IndexByte(word, '('); j > 0 { // adjective marker: galore(ip)
			word = word[:j]
		}
		s.words = append(s.words, word)
	}
	np, err := strconv.Atoi(f[i])
	if err != nil {
		return fmt.Errorf("invalid pointer count: %w", err)
	}
	i++
	if len(f) < i+4*np {
		return fmt.Errorf("%d fields for %d pointers", len(f), np)
	}
	for ; np > 0; np, i = np-1, i+4 {
		to, err := strconv.ParseUint(f[i+1], 10, 32)
		if err != nil {
			return fmt.Errorf("invalid pointer offset: %w", err)
		}
		st, err := strconv.ParseUint(f[i+3], 16, 16)
		if err != nil || len(f[i+2]) != 1 {
			return fmt.Errorf("invalid pointer %q", strings.Join(f[i:i+4], " "))
		}
		s.pointers = append(s.pointers, pointer{
			symbol: f[i],
			to:     synsetID{fileOf(f[i+2][0]), uint32(to)},
			source: int(st >> 8),
			target: int(st & 0xff),
		})
	}
	wn.synsets[synsetID{file, uint32(offset)}] = s
	return nil
}

// addLemma parses an index file line:
// lemma pos synset_cnt p_cnt (ptr_symbol)… sense_cnt tagsense_cnt (offset)…
func (wn *wordNet) addLemma(file byte, f []string) error {
	if len(f) < 4 {
		return fmt.Errorf("%d fields, want at least 4", len(f))
	}
	n, err1 := strconv.Atoi(f[2])
	np, err2 := strconv.Atoi(f[3])
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	first := 4 + np + 2
	if len(f) != first+n {
		return fmt.Errorf("%d fields for %d pointers and %d senses", len(f), np, n)
	}
	l := lemma{word: f[0], file: file}
	for _, o := range f[first:] {
		offset, err := strconv.ParseUint(o, 10, 32)
		if err != nil {
			return fmt.Errorf("invalid offset: %w", err)
		}
		l.senses = append(l.senses, synsetID{file, uint32(offset)})
	}
	wn.lemmas = append(wn.lemmas, l)
	if w, ok := normalize(l.word, file); ok && (file == 'n' || file == 'v') {
		wn.nounOrVerb[w] = true
		wn.nounOrVerb[stem(w)] = true
	}
	return nil
}

// fileOf maps a part of speech to the data file that holds it.
func fileOf(pos byte) byte {
	if pos == 's' {
		return 'a'
	}
	return pos
}

// phrasalKey returns the key of a phrasal verb lemma, its verb's stem, an
// underscore and its particle ("call_off" for "called_off" as for
// "call_off"), or false if the lemma is not a verb and one of the
// particles qa reads after a question's verb (phrasal-particles.txt).
func phrasalKey(lemma string, file byte) (string, bool) {
	verb, particle, ok := strings.Cut(lemma, "_")
	if !ok || file != 'v' || !text.DefaultLexicon().PhrasalParticles.Has(particle) {
		return "", false
	}
	word, ok := normalize(verb, file)
	if !ok {
		return "", false
	}
	return stem(word) + "_" + particle, true
}

// normalize returns a lemma as qa would see it as one word, or false if qa
// cannot: multiword, digits, a proper name (capitalised), other punctuation.
// file is the lemma's part of speech; only nouns lose their hyphens.
func normalize(word string, file byte) (string, bool) {
	if word == "" || word[0] < 'a' || word[0] > 'z' {
		return "", false
	}
	if file == 'n' {
		word = strings.ReplaceAll(word, "-", "")
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if !(c >= 'a' && c <= 'z' || c == '\'' && i > 0 && i < len(word)-1) {
			return "", false
		}
	}
	return word, true
}

func stem(word string) string { return english.Stem(word, true) }

// hyponyms returns how many kinds of a synset WordNet lists.
func (wn *wordNet) hyponyms(id synsetID) int {
	n := 0
	for _, p := range wn.synsets[id].pointers {
		if p.symbol == "~" {
			n++
		}
	}
	return n
}

// scores holds the weighted relations between stems: scores[a][b] is how
// much a relates to b.
type scores map[string]map[string]float64

func (s scores) add(a, b string, w float64) {
	if s[a] == nil {
		s[a] = make(map[string]float64)
	}
	s[a][b] += w
}

// related returns every key's related stems, closest first.
func (wn *wordNet) related() map[string][]string {
	forward, back := make(scores), make(scores)
	// add relates key to word; upward says that WordNet stores the
	// relation one way only (a hypernym) or that it took two steps, so
	// that it should count backwards too.
	add := func(key, word string, file byte, w float64, upward bool) {
		word, ok := normalize(word, file)
		if !ok {
			return
		}
		term := stem(word)
		forward.add(key, term, w)
		if upward && !strings.Contains(key, "_") {
			back.add(term, key, w) // never to a phrasal verb: no article's word is one
		}
	}
	words := func(id synsetID, w float64, key string, skip int, upward bool) {
		for j, word := range wn.synsets[id].words {
			if j != skip {
				add(key, word, id.file, w, upward)
			}
		}
	}
	// A stem's lemmas pool their relations by how often SemCor tags them.
	most := make(map[string]int) // stem → tag count of its most tagged lemma
	keyOf := func(l lemma) (string, bool) {
		if word, ok := normalize(l.word, l.file); ok {
			return stem(word), true
		}
		return phrasalKey(l.word, l.file)
	}
	for _, l := range wn.lemmas {
		if key, ok := keyOf(l); ok {
			most[key] = max(most[key], wn.counts[lemmaPOS{l.word, l.file}])
		}
	}
	for _, l := range wn.lemmas {
		key, ok := keyOf(l)
		if !ok {
			continue
		}
		share := math.Sqrt(float64(wn.counts[lemmaPOS{l.word, l.file}]+1) / float64(most[key]+1))
		if share < minShare {
			continue
		}
		for r, id := range l.senses[:min(len(l.senses), maxSenses(l.file))] {
			s := wn.synsets[id]
			self := slices.IndexFunc(s.words, func(w string) bool { return strings.EqualFold(w, l.word) })
			if self < 0 || s.words[self] != strings.ToLower(s.words[self]) {
				continue // a proper name: Bush, Pole
			}
			w := share * senseWeight(r)
			words(id, weightSynonym*w, key, self, false)
			for _, p := range s.pointers {
				switch {
				case (p.symbol == "+" || p.symbol == `\`) && p.source == self+1:
					add(key, wn.synsets[p.to].words[p.target-1], p.to.file, weightDerived*w, false)
					if r == 0 {
						words(p.to, weightSecond*w, key, p.target-1, true)
					}
				case r > 0: // beyond the first sense only synonyms and derived forms count
				case p.symbol == "+" && p.source > 0:
					add(key, wn.synsets[p.to].words[p.target-1], p.to.file, weightSecond*w, true)
				case p.symbol == "@" && (l.file == 'n' || l.file == 'v') && wn.hyponyms(p.to) <= maxHyponyms:
					words(p.to, weightHypernym*w, key, -1, true)
				case p.symbol == "&":
					words(p.to, weightSimilar*w, key, -1, false)
				}
			}
		}
	}

	skip := excludedStems()
	for key := range back {
		forward.add(key, key, 0) // a stem that only others relate to is a key too
	}
	table := make(map[string][]string)
	for key, terms := range forward {
		if skip[key] || len(key) <= 2 {
			continue
		}
		score := maps.Clone(terms)
		for t, w := range back[key] {
			score[t] += weightReverse * w
		}
		var list []string
		for t, w := range score {
			if t != key && !skip[t] && len(t) > 2 && w >= minScore {
				list = append(list, t)
			}
		}
		if len(list) == 0 {
			continue
		}
		slices.SortFunc(list, func(a, b string) int {
			return cmp.Or(cmp.Compare(rounded(score[b]), rounded(score[a])), cmp.Compare(wn.tagged[b], wn.tagged[a]), strings.Compare(a, b))
		})
		table[key] = list[:min(len(list), maxRelated)]
	}
	return table
}

// antonyms returns every key's antonyms: the words WordNet opposes to it
// ("!" pointers) in its first senses (maxSenses), directly (small, large)
// or, for an adjective, through the head it is similar to (tiny, large).
// An adjective's comparative and superlative oppose as it does (smaller,
// largest), since Snowball leaves them as they are. Keys and antonyms are
// stems, in alphabetical order; never the words in excluded.
func (wn *wordNet) antonyms() map[string][]string {
	opposed := make(map[string]map[string]bool)
	oppose := func(lemma, other string, file byte) {
		a, okA := normalize(lemma, file)
		b, okB := normalize(other, file)
		if !okA || !okB {
			return
		}
		for _, ka := range wn.forms(a, file) {
			for _, kb := range wn.forms(b, file) {
				if opposed[ka] == nil {
					opposed[ka] = make(map[string]bool)
				}
				opposed[ka][kb] = true
			}
		}
	}
	// opposite calls oppose for the words a synset's antonym pointers
	// name. WordNet opposes one word of a synset to one of another
	// (large, small); its synonyms oppose the same (big, small).
	opposite := func(lemma string, id synsetID) {
		for _, p := range wn.synsets[id].pointers {
			if p.symbol != "!" {
				continue
			}
			to := wn.synsets[p.to].words
			if p.target > 0 {
				to = to[p.target-1 : p.target]
			}
			for _, w := range to {
				oppose(lemma, w, p.to.file)
			}
		}
	}
	for _, l := range wn.lemmas {
		for _, id := range l.senses[:min(len(l.senses), maxSenses(l.file))] {
			s := wn.synsets[id]
			if !slices.Contains(s.words, l.word) {
				continue // a proper name: Bush, Pole
			}
			opposite(l.word, id)
			if w, ok := normalize(l.word, l.file); l.file != 'a' || !ok || wn.nounOrVerb[stem(w)] {
				continue // no head's opposites for "battered", whose stem is the batter's
			}
			for _, p := range s.pointers {
				if p.symbol == "&" { // tiny is similar to small, the opposite of large
					opposite(l.word, p.to)
				}
			}
		}
	}
	skip := excludedStems()
	table := make(map[string][]string)
	for key, others := range opposed {
		if skip[key] || len(key) <= 2 {
			continue
		}
		var list []string
		for t := range others {
			if t != key && !skip[t] && len(t) > 2 {
				list = append(list, t)
			}
		}
		if len(list) > 0 {
			slices.Sort(list)
			table[key] = list
		}
	}
	return table
}

// forms returns the stems of a word as an article may write it: the word,
// and an adjective's comparative and superlative (see comparatives).
func (wn *wordNet) forms(word string, file byte) []string {
	out := []string{stem(word)}
	if file == 'a' {
		out = append(out, wn.comparatives(word)...)
	}
	return out
}

// comparatives returns the stems of an adjective's comparative and
// superlative: irregular ones from adj.exc, else regular ones for a short
// adjective, since a long one compares with "more" (more important) and a
// participle does not take -er (closed).
func (wn *wordNet) comparatives(word string) []string {
	var out []string
	for _, w := range wn.irregular[word] {
		if w, ok := normalize(w, 'a'); ok {
			out = append(out, stem(w))
		}
	}
	if len(out) > 0 || len(word) > maxCompared || strings.HasSuffix(word, "ed") || strings.HasSuffix(word, "ing") {
		return out
	}
	n := len(word)
	base := word
	switch {
	case strings.HasSuffix(word, "e"):
		base = word[:n-1]
	case n > 1 && word[n-1] == 'y' && !strings.ContainsRune(vowels, rune(word[n-2])):
		base = word[:n-1] + "i"
	case n >= 3 && strings.IndexAny(word, vowels) == n-2 &&
		!strings.ContainsRune(vowels+"wxy", rune(word[n-1])):
		base = word + word[n-1:] // one syllable ending in one vowel and a consonant: big → bigg-er, slim → slimm-er
	}
	for _, w := range []string{base + "er", base + "est"} {
		if w, ok := normalize(w, 'a'); ok && !wn.nounOrVerb[w] { // not "shutter" of "shut"
			out = append(out, stem(w))
		}
	}
	return out
}

// maxCompared is the longest adjective compared by -er and -est (narrow,
// narrower; happy, happiest).
const maxCompared = 6

// vowels are the letters whose place decides how an adjective's
// comparative is spelt.
const vowels = "aeiou"

// excludedStems returns the stems of the words in excluded.
func excludedStems() map[string]bool {
	skip := make(map[string]bool)
	for _, w := range strings.Fields(excluded) {
		skip[stem(w)] = true
	}
	return skip
}

// rounded rounds a score so that sums of the same weights in another
// order compare equal.
func rounded(x float64) float64 { return math.Round(x * 1e6) }

// writeTable writes the table's lines sorted by key and returns how many.
func writeTable(w io.Writer, table map[string][]string) int {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%s\n", k, strings.Join(table[k], " "))
	}
	return len(keys)
}
