// Command rankgen fits articlebot's answer-ranking model (package
// qa/rank) and writes it to qa/data/rank-model.tsv. From the module root:
//
//	go run ./qa/internal/rankgen
//
// which is what go generate runs in package qa. It trains on the training
// half of the development data: the SQuAD 2.0 dev articles at even
// positions in name order (qa/testdata/squad2) and the news articles of
// half A (the 1st, 3rd, … of qa/testdata/eval's news sets in name order,
// the seed first) and the blind sets with questions, but for those that
// validationBlindPrefixes names; -report scores the validation half (the
// rest). The same data always gives the same file.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/qa/rank"
)

// newsSets are the development news articles, in run-dev's order: the
// seed, then the Wikinews articles by name.
var newsSets = []string{"seed", "afghan_robotics", "australia_boat_pushbacks", "baghdad_market_bombings",
	"burns_india_nuclear", "bush_mideast_trip", "dakar_rally_cancelled", "france_belgium_semifinal",
	"french_gaddafi_money", "kenya_annan_warning", "libya_advisers_misrata", "mh370_maldives_debris",
	"north_korea_rocket", "origami_robot", "policeman_insurance_fraud", "us_senate_bailout",
	"zimbabwe_cabinet_boycott"}

// validationBlindPrefixes open the names of the blind sets kept out of
// training, as more validation news: the latest, written after the model
// was last judged, and those that training on did not help. A later blind
// set trains unless it is named here (see testdata/eval/BLIND.md for
// when each moved).
var validationBlindPrefixes = []string{"blind_b3_", "blind_b4_", "blind_b5_", "blind_b6_", "blind_b9_", "blind_b10_", "blind_b11_", "blind_b12_", "blind_b13_", "blind_b14_", "blind_b15_", "blind_b16_", "blind_b17_", "blind_b18_", "blind_b19_"}

func main() {
	log.SetFlags(0)
	log.SetPrefix("rankgen: ")
	squad := flag.String("squad", "qa/testdata/squad2", "folder of SQuAD articles, one folder each")
	news := flag.String("news", "qa/testdata/eval", "folder of the news sets")
	out := flag.String("out", "qa/data/rank-model.tsv", "file to write the ranking model to")
	spanOut := flag.String("spans", "qa/data/span-model.tsv", "file to write the span model to")
	report := flag.Bool("report", false, "print the scores of the validation half")
	signals := flag.Bool("signals", false, "print every news question's decision and the signals the decliner read")
	flag.Parse()
	train, valid, err := loadSets(*squad, *news)
	if err != nil {
		log.Fatal(err)
	}
	m, d := fit(train)
	sm := fitSpans(m, train)
	validating := strings.Join(validationBlindPrefixes, "*, ") + "*"
	header := []string{
		"rank-model.tsv - the answer-ranking model of articlebot (package qa/rank): the weights of the",
		"ranker, which scores candidate sentences, and of the decliner, which decides whether the best",
		"answers, with the mean and scale each feature is standardised by.",
		"Written by qa/internal/rankgen (go generate ./qa) from the training half of the development",
		"data: SQuAD 2.0 dev articles at even positions (qa/testdata/squad2, CC BY-SA 4.0), the news",
		"articles of half A and the blind sets with questions but " + validating,
		"(qa/testdata/eval). Do not edit by hand: run go generate.",
		fmt.Sprintf("The decliner's settings, chosen by cross-validation: a news question counts for %g, L2 %g.", d.newsWeight, d.l2),
		"Format: see rank.Parse.",
	}
	if err := write(*out, func(w io.Writer) error { return m.Format(w, header) }); err != nil {
		log.Fatal(err)
	}
	spanHeader := []string{
		"span-model.tsv - the model of the words that answer (package qa/span): the weights that score",
		"the phrases of the answering sentence, with the mean and scale each feature is standardised by.",
		"Written by qa/internal/rankgen (go generate ./qa) from the short answers of the training half:",
		"SQuAD's gold answers (qa/testdata/squad2, CC BY-SA 4.0) and the news sets' \"short\" answers,",
		"each read in the best candidate sentence that holds it. Do not edit by hand: run go generate.",
		"Format: see span.Parse.",
	}
	if err := write(*spanOut, func(w io.Writer) error { return sm.Format(w, spanHeader) }); err != nil {
		log.Fatal(err)
	}
	if *signals {
		printSignals(m, append(train, valid...))
	}
	if *report {
		curve(m, valid)
		for _, part := range []struct {
			name string
			sets []set
		}{{"training", train}, {"validation", valid}} {
			for _, kind := range []string{"squad", "news"} {
				fmt.Printf("%-10s %-5s %s\n", part.name, kind, evaluate(m, part.sets, kind))
				fmt.Printf("%-10s %-5s %s\n", part.name, kind, spanScores(m, sm, part.sets, kind))
			}
		}
	}
}

// write writes a file with format, through a temporary file renamed
// over it, so that a failure leaves the committed file whole; the file's
// name is in any error.
func write(path string, format func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after a failure; renamed away otherwise
	if err := format(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.Rename(f.Name(), path)
}

// A set is one article and its questions.
type set struct {
	kind    string // "squad" or "news"
	article *qa.Article
	golds   []gold
}

type gold struct {
	Q       string          `json:"q"`
	Accept  []string        `json:"accept"`
	Speaker *string         `json:"speaker"`
	Short   json.RawMessage `json:"short"` // a string or a list of alternatives
}

// loadSets reads the articles and splits them into the training and the
// validation halves.
func loadSets(squadDir, newsDir string) (train, valid []set, err error) {
	dirs, err := filepath.Glob(filepath.Join(squadDir, "*", "article.txt"))
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(dirs)
	for i, path := range dirs {
		dirs[i] = filepath.Dir(path)
	}
	var newsDirs []string
	for _, name := range newsSets {
		newsDirs = append(newsDirs, filepath.Join(newsDir, name))
	}
	// Alternate articles go to either half: even positions train.
	for _, part := range []struct {
		kind string
		dirs []string
	}{{"squad", dirs}, {"news", newsDirs}} {
		for i, dir := range part.dirs {
			s, err := loadSet(part.kind, dir)
			if err != nil {
				return nil, nil, err
			}
			if i%2 == 0 {
				train = append(train, s)
			} else {
				valid = append(valid, s)
			}
		}
	}
	// The blind sets (see qa/testdata/eval/BLIND.md) are development data
	// once looked at, outside the news halves: they train, but for those
	// named by validationBlindPrefixes, which validate.
	blind, err := filepath.Glob(filepath.Join(newsDir, "blind_*", "qa.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(blind)
	for _, path := range blind {
		s, err := loadSet("news", filepath.Dir(path))
		if err != nil {
			return nil, nil, err
		}
		name := filepath.Base(filepath.Dir(path))
		if slices.ContainsFunc(validationBlindPrefixes, func(prefix string) bool { return strings.HasPrefix(name, prefix) }) {
			valid = append(valid, s)
			continue
		}
		train = append(train, s)
	}
	if len(train) == 0 {
		return nil, nil, fmt.Errorf("no articles in %s", squadDir)
	}
	return train, valid, nil
}

func loadSet(kind, dir string) (set, error) {
	f, err := os.Open(filepath.Join(dir, "article.txt"))
	if err != nil {
		return set{}, err
	}
	defer f.Close()
	a, err := qa.ParseArticle(filepath.Join(dir, "article.txt"), f)
	if err != nil {
		return set{}, err
	}
	g, err := os.Open(filepath.Join(dir, "qa.jsonl"))
	if err != nil {
		return set{}, err
	}
	defer g.Close()
	s := set{kind: kind, article: a}
	sc := bufio.NewScanner(g)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var x gold
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			return set{}, fmt.Errorf("%s: line %d: %v", g.Name(), line, err)
		}
		s.golds = append(s.golds, x)
	}
	return s, sc.Err()
}

// right reports whether an answer is right for a gold line, as the outside
// scorers judge it: its text holds an accepted answer, in at most 600
// characters, and it credits the speaker asked for.
func right(g gold, a qa.Answer) bool {
	if g.Accept == nil || len(a.Text) > 600 {
		return false
	}
	txt := norm(a.Text)
	for _, acc := range g.Accept {
		if strings.Contains(txt, norm(acc)) {
			return g.Speaker == nil || speakerOK(*g.Speaker, a.Speaker)
		}
	}
	return false
}

var wordRE = regexp.MustCompile(`[\w'-]+`)

func speakerOK(want, got string) bool {
	w, g := norm(want), norm(got)
	if g == "" {
		return false
	}
	if strings.Contains(g, w) {
		return true
	}
	words := wordRE.FindAllString(w, -1)
	return slices.Contains(wordRE.FindAllString(g, -1), words[len(words)-1])
}

func norm(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "…", "...", "—", "-", "–", "-").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// A question is one gold line as an engine with some model sees it.
type question struct {
	text       string
	set        int // its article's place in the sets it was read from
	kind       string
	answerable bool
	cands      []qa.Candidate
	signals    rank.Signals
	vetoed     bool // a name the article lacks: declined whatever the model
	labels     []bool
}

// questions runs every question of the sets through an engine with model m.
func questions(m *rank.Model, sets []set) []question {
	var out []question
	opts := engineOptions()
	opts.Model = m
	for si, s := range sets {
		e := qa.New([]*qa.Article{s.article}, opts)
		for _, g := range s.golds {
			q, err := e.ParseQuestion(g.Q)
			if err != nil {
				continue
			}
			cands, signals, _ := e.Candidates(q)
			qq := question{text: g.Q, set: si, kind: s.kind, answerable: g.Accept != nil, cands: cands, signals: signals, vetoed: len(q.Unknown) > 0}
			for _, c := range cands {
				qq.labels = append(qq.labels, right(g, c.Answer))
			}
			out = append(out, qq)
		}
	}
	return out
}

// fit fits the ranker on the candidates of the training questions, then
// the decliner on the questions as the fitted ranker sees them, with the
// settings that cross-validation on the training news articles chooses.
func fit(train []set) (*rank.Model, declineSettings) {
	var groups []rank.Group
	for _, q := range questions(blankModel(), train) {
		if !q.answerable || len(q.cands) == 0 {
			continue
		}
		g := rank.Group{Right: q.labels, Weight: 1}
		if q.kind == "news" {
			g.Weight = newsWeight
		}
		for _, c := range q.cands {
			g.Candidates = append(g.Candidates, c.Features)
		}
		groups = append(groups, g)
	}
	m := blankModel()
	m.Mean, m.Scale, m.Weight = rank.Fit(groups, rank.DefaultFitOptions())
	qs := questions(m, train)
	// The settings whose held-out probabilities are likeliest for the news
	// questions the decliner decides (the answerable the ranker gets right
	// and the unanswerable): a proper score, so the probabilities are
	// calibrated, and a smooth one, so that a question more or less does
	// not flip the choice as a count of questions decided right would.
	best, bestLoss := declineGrid[0], math.Inf(1)
	var bestHeldOut []float64
	for _, d := range declineGrid {
		heldOut := heldOutProbabilities(m, qs, d)
		var loss float64
		for i, q := range qs {
			if q.kind != "news" || !decides(q) {
				continue
			}
			p := min(max(heldOut[i], probabilityFloor), 1-probabilityFloor)
			if q.answerable {
				loss -= math.Log(p)
			} else {
				loss -= math.Log(1 - p)
			}
		}
		if loss < bestLoss {
			best, bestLoss, bestHeldOut = d, loss, heldOut
		}
	}
	fitDecliner(m, qs, best)
	// The threshold is chosen on probabilities each news question got
	// from a decliner fitted without its article: in-sample ones would
	// promise answerable questions kept that a new article's lose.
	m.Threshold = chooseThreshold(qs, bestHeldOut)
	return m, best
}

// probabilityFloor keeps a held-out probability of 0 or 1 from making a
// likelihood infinite.
const probabilityFloor = 1e-6

// newsWeight is how many SQuAD questions one news question counts for in
// fitting the ranker and in choosing the decliner's threshold: news is
// what articlebot answers, SQuAD what there is most of. It keeps news
// about the same share of the fit as the news sets grow: with more news
// questions, each counts for fewer SQuAD ones, lest SQuAD's ranking lose
// to them.
const newsWeight = 5

// declineSettings are what fitting the decliner leaves open: what a news
// question counts for against a SQuAD one (news questions the articles do
// not answer are unlike SQuAD's, and fewer), and the L2 penalty.
type declineSettings struct {
	newsWeight, l2 float64
}

// declineGrid is the settings cross-validation chooses among.
var declineGrid = func() []declineSettings {
	var grid []declineSettings
	for _, w := range []float64{10, 20, 40, 80, 160} {
		for _, l2 := range []float64{1e-3, 1e-2, 1e-1} {
			grid = append(grid, declineSettings{w, l2})
		}
	}
	return grid
}()

// heldOutProbabilities returns, for each question, the decliner's
// probability that its best candidate answers: for a news question, from
// a decliner fitted without its article (leave one article out); for a
// SQuAD question, from the decliner fitted on everything, as SQuAD's many
// questions leave little to overfit.
func heldOutProbabilities(m *rank.Model, qs []question, d declineSettings) []float64 {
	probs := make([]float64, len(qs))
	all := *m
	fitDecliner(&all, qs, d)
	newsSets := make(map[int]bool)
	for i, q := range qs {
		probs[i] = answers(&all, q)
		if q.kind == "news" {
			newsSets[q.set] = true
		}
	}
	for held := range newsSets {
		var rest []question
		for _, q := range qs {
			if q.set != held || q.kind != "news" {
				rest = append(rest, q)
			}
		}
		fold := *m
		fitDecliner(&fold, rest, d)
		for i, q := range qs {
			if q.set == held && q.kind == "news" {
				probs[i] = answers(&fold, q)
			}
		}
	}
	return probs
}

// answers returns a model's probability that a question's best candidate
// answers it: 0 for one vetoed or without candidates.
func answers(m *rank.Model, q question) float64 {
	if q.vetoed || len(q.cands) == 0 {
		return 0
	}
	return m.Answers(&q.signals)
}

// decidedRight reports whether a question is answered right with the
// probability p and the threshold t: the answerable answered right at the
// top, the unanswerable declined.
func decidedRight(q question, p, t float64) bool {
	declined := q.vetoed || len(q.cands) == 0 || p < t
	if !q.answerable {
		return declined
	}
	return !declined && q.labels[0]
}

// decides reports whether the decliner's choice matters for a question:
// not for one vetoed or without candidates, nor for an answerable one the
// ranker gets wrong, where declining costs nothing and gains nothing. The
// decliner learns to tell the right answers from the questions with none.
func decides(q question) bool {
	return !q.vetoed && len(q.cands) > 0 && (!q.answerable || q.labels[0])
}

// fitDecliner fits the decliner of m on questions.
func fitDecliner(m *rank.Model, qs []question, d declineSettings) {
	var samples []rank.Sample
	for _, q := range qs {
		if !decides(q) {
			continue
		}
		s := rank.Sample{Signals: q.signals, Right: q.answerable, Weight: 1}
		if q.kind == "news" {
			s.Weight = d.newsWeight
		}
		samples = append(samples, s)
	}
	m.DeclineMean, m.DeclineScale, m.DeclineWeight, m.DeclineBias = rank.FitDecline(samples, d.l2)
}

// blankModel returns a model with no weights: every candidate scores
// alike, and no question is declined.
func blankModel() *rank.Model {
	m := &rank.Model{}
	for f := range m.Scale {
		m.Scale[f] = 1
	}
	for k := range m.DeclineScale {
		m.DeclineScale[k] = 1
	}
	return m
}

// chooseThreshold picks the threshold on the probabilities probs (one a
// question) that gets most questions right, SQuAD's and news's alike (a
// news question counting newsWeight), among those that lose no more than
// maxNewsLoss of the news questions the ranker answers right.
func chooseThreshold(qs []question, probs []float64) float64 {
	best, bestScore := 0.0, -1.0
	for step := 0; step <= thresholdSteps; step++ {
		t := float64(step) / 100
		score, newsRight, newsKept := 0.0, 0, 0
		for i, q := range qs {
			w := 1.0
			if q.kind == "news" {
				w = newsWeight
			}
			if decidedRight(q, probs[i], t) {
				score += w
			}
			if q.kind == "news" && q.answerable && decides(q) {
				newsRight++
				if probs[i] >= t {
					newsKept++
				}
			}
		}
		if float64(newsRight-newsKept) > maxNewsLoss*float64(newsRight) {
			continue
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// thresholdSteps is how many hundredths the threshold may reach.
const thresholdSteps = 90

// maxNewsLoss is the share of rightly answered news questions the
// threshold may decline.
const maxNewsLoss = 0.03

// printSignals prints, for every news question of the sets, whether it
// is answerable and answered right at the top, the decliner's
// probability, whether a name vetoes it, and the signals that are not 0.
func printSignals(m *rank.Model, sets []set) {
	var news []set
	for _, s := range sets {
		if s.kind == "news" {
			news = append(news, s)
		}
	}
	for _, q := range questions(m, news) {
		tag := "unanswerable"
		switch {
		case q.answerable && len(q.labels) > 0 && q.labels[0]:
			tag = "right"
		case q.answerable:
			tag = "wrong"
		}
		fmt.Printf("%s\t%.2f\tvetoed=%v\t%s", tag, answers(m, q), q.vetoed, q.text)
		for k, v := range q.signals {
			if v != 0 {
				fmt.Printf("\t%s=%.2f", rank.Signal(k), v)
			}
		}
		fmt.Println()
	}
}

// evaluate scores a model on the sets of one kind: answerable right at the
// top, in the top three, unanswerable declined, and overall.
func evaluate(m *rank.Model, sets []set, kind string) string {
	var mine []set
	for _, s := range sets {
		if s.kind == kind {
			mine = append(mine, s)
		}
	}
	opts := engineOptions()
	opts.Model = m
	var a, u, top1, top3, declined, rank1, rank3 int
	for _, s := range mine {
		e := qa.New([]*qa.Article{s.article}, opts)
		for _, g := range s.golds {
			if q, err := e.ParseQuestion(g.Q); err == nil && g.Accept != nil {
				cands, _, _ := e.Candidates(q)
				for i, c := range cands {
					if i < 3 && right(g, c.Answer) {
						if i == 0 {
							rank1++
						}
						rank3++
						break
					}
				}
			}
			answers, _ := e.Ask(g.Q, 3)
			if g.Accept == nil {
				u++
				if len(answers) == 0 {
					declined++
				}
				continue
			}
			a++
			for i, ans := range answers {
				if right(g, ans) {
					if i == 0 {
						top1++
					}
					top3++
					break
				}
			}
		}
	}
	pct := func(x, n int) float64 { return 100 * float64(x) / float64(max(n, 1)) }
	return fmt.Sprintf("answerable %d: top-1 %.1f%% top-3 %.1f%% (ranked %.1f%%, %.1f%%); unanswerable %d declined %.1f%%; overall %.1f%%",
		a, pct(top1, a), pct(top3, a), pct(rank1, a), pct(rank3, a), u, pct(declined, u), pct(top1+declined, a+u))
}

// curve prints, for a few thresholds, what declining costs and gains on
// the validation questions: the answerable answered right at the top, the
// unanswerable declined, and both together.
func curve(m *rank.Model, valid []set) {
	for _, kind := range []string{"squad", "news"} {
		var mine []set
		for _, s := range valid {
			if s.kind == kind {
				mine = append(mine, s)
			}
		}
		qs := questions(m, mine)
		fmt.Printf("decline curve, validation %s (threshold: answerable right, unanswerable declined, overall)\n", kind)
		for _, t := range []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7} {
			var a, u, ok, declined int
			for _, q := range qs {
				dec := q.vetoed || len(q.cands) == 0 || m.Answers(&q.signals) < t
				if q.answerable {
					a++
					if !dec && q.labels[0] {
						ok++
					}
				} else {
					u++
					if dec {
						declined++
					}
				}
			}
			pct := func(x, n int) float64 { return 100 * float64(x) / float64(max(n, 1)) }
			fmt.Printf("  %.1f: %5.1f%% %5.1f%% %5.1f%%\n", t, pct(ok, a), pct(declined, u), pct(ok+declined, a+u))
		}
	}
}
