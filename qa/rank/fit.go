package rank

import (
	"math"
	"slices"
)

// A Group is the candidates of one question, for fitting the ranker: their
// features, which of them answer it, and what the question counts for
// (1 for most).
type Group struct {
	Candidates []Vector
	Right      []bool
	Weight     float64
}

// FitOptions tune fitting.
type FitOptions struct {
	L2         float64 // weight of the squared weights in the loss, against overfitting
	Iterations int     // the most steps of gradient descent
}

// DefaultFitOptions are those the committed model was fitted with.
func DefaultFitOptions() FitOptions { return FitOptions{L2: 1e-3, Iterations: 400} }

// Fit fits the ranker to groups: it finds the weights that maximise, over
// the questions with a right candidate, the mean log-probability that the
// softmax of the scores gives the right ones, less L2 times half the
// squared weights (see FitLists). Features are standardised first (Mean,
// Scale).
func Fit(groups []Group, opts FitOptions) (mean, scale, weight Vector) {
	lists := make([]List, len(groups))
	for i, g := range groups {
		lists[i] = List{Right: g.Right, Weight: g.Weight}
		for k := range g.Candidates {
			lists[i].Candidates = append(lists[i].Candidates, g.Candidates[k][:])
		}
	}
	m, s, w := FitLists(lists, int(NumFeatures), opts)
	copy(mean[:], m)
	copy(scale[:], s)
	copy(weight[:], w)
	return mean, scale, weight
}

// A List is the candidates of one question for a listwise model of any
// number of features (Fit's, or the span stage's): their features, which
// of them are right, and what the question counts for (1 for most).
type List struct {
	Candidates [][]float64
	Right      []bool
	Weight     float64
}

// FitLists fits a listwise softmax model of dim features: the weights that
// maximise, over the lists with a right candidate, the weighted mean
// log-probability that the softmax of the scores gives the right ones,
// less L2 times half the squared weights. Features are standardised
// first: mean 0 and scale 1 over all candidates. Steps are full-batch
// gradient descent with a backtracking line search: the same lists always
// give the same weights.
func FitLists(lists []List, dim int, opts FitOptions) (mean, scale, weight []float64) {
	mean, scale, weight = make([]float64, dim), make([]float64, dim), make([]float64, dim)
	var usable []List
	var n, totalWeight float64 // the candidates' weight, and the questions'
	for _, g := range lists {
		if slices.Contains(g.Right, true) {
			usable = append(usable, g)
			n += g.Weight * float64(len(g.Candidates))
			totalWeight += g.Weight
		}
	}
	if n == 0 {
		for f := range scale {
			scale[f] = 1
		}
		return mean, scale, weight
	}
	for _, g := range usable {
		for _, c := range g.Candidates {
			for f := range dim {
				mean[f] += g.Weight * c[f]
			}
		}
	}
	for f := range dim {
		mean[f] /= n
	}
	for _, g := range usable {
		for _, c := range g.Candidates {
			for f := range dim {
				d := c[f] - mean[f]
				scale[f] += g.Weight * d * d
			}
		}
	}
	for f := range dim {
		scale[f] = math.Sqrt(scale[f] / n)
		if scale[f] < 1e-9 {
			scale[f] = 1 // a feature that never varies: its weight stays 0
		}
	}
	z := make([][][]float64, len(usable))
	for gi, g := range usable {
		z[gi] = make([][]float64, len(g.Candidates))
		for i, c := range g.Candidates {
			z[gi][i] = make([]float64, dim)
			for f := range dim {
				z[gi][i][f] = (c[f] - mean[f]) / scale[f]
			}
		}
	}
	loss := func(w, grad []float64) float64 {
		var total float64
		if grad != nil {
			clear(grad)
		}
		scores := make([]float64, 0, 64)
		for gi, g := range usable {
			scores = scores[:0]
			for i := range z[gi] {
				var s float64
				for f := range dim {
					s += w[f] * z[gi][i][f]
				}
				scores = append(scores, s)
			}
			all, right := logSumExp(scores, nil), logSumExp(scores, g.Right)
			total += g.Weight * (all - right)
			if grad == nil {
				continue
			}
			for i, s := range scores {
				p := math.Exp(s - all)
				if g.Right[i] {
					p -= math.Exp(s - right)
				}
				for f := range dim {
					grad[f] += g.Weight * p * z[gi][i][f]
				}
			}
		}
		total /= totalWeight
		for f := range dim {
			total += opts.L2 / 2 * w[f] * w[f]
			if grad != nil {
				grad[f] = grad[f]/totalWeight + opts.L2*w[f]
			}
		}
		return total
	}
	descend(weight, opts.Iterations, loss)
	return mean, scale, weight
}

// descend minimises loss from w by gradient descent with a backtracking
// line search, for at most iterations steps or until a step gains nothing.
func descend(w []float64, iterations int, loss func(w, grad []float64) float64) {
	grad := make([]float64, len(w))
	next := make([]float64, len(w))
	cur := loss(w, grad)
	step := 1.0
	for range iterations {
		norm := 0.0
		for f := range grad {
			norm += grad[f] * grad[f]
		}
		if norm < 1e-14 {
			return
		}
		for ; step > 1e-12; step /= 2 {
			for f := range next {
				next[f] = w[f] - step*grad[f]
			}
			if l := loss(next, nil); l <= cur-step*norm/2 {
				copy(w, next)
				break
			}
		}
		if step <= 1e-12 {
			return
		}
		cur = loss(w, grad)
		step *= 2 // try a longer step next time
	}
}

// logSumExp is log Σ exp(scores[i]) over the i where only[i], or all when
// only is nil.
func logSumExp(scores []float64, only []bool) float64 {
	top := math.Inf(-1)
	for i, s := range scores {
		if only == nil || only[i] {
			top = max(top, s)
		}
	}
	var sum float64
	for i, s := range scores {
		if only == nil || only[i] {
			sum += math.Exp(s - top)
		}
	}
	return top + math.Log(sum)
}

// A Sample is one question, for fitting the decliner: its signals,
// whether its best candidate answers it, and what it counts for (1 for
// most).
type Sample struct {
	Signals Signals
	Right   bool
	Weight  float64
}

// FitDecline fits the decliner by logistic regression with L2 (Newton's
// method on standardised signals): the same samples always give the same
// weights.
func FitDecline(samples []Sample, l2 float64) (mean, scale, weight Signals, bias float64) {
	var n float64 // the samples' total weight
	for _, s := range samples {
		n += s.Weight
	}
	if n == 0 {
		for k := range scale {
			scale[k] = 1
		}
		return
	}
	for _, s := range samples {
		for k := range NumSignals {
			mean[k] += s.Weight * s.Signals[k]
		}
	}
	for k := range NumSignals {
		mean[k] /= n
	}
	for _, s := range samples {
		for k := range NumSignals {
			d := s.Signals[k] - mean[k]
			scale[k] += s.Weight * d * d
		}
	}
	for k := range NumSignals {
		scale[k] = math.Sqrt(scale[k] / n)
		if scale[k] < 1e-9 {
			scale[k] = 1
		}
	}
	x := make([][dim]float64, len(samples))
	for i, s := range samples {
		for k := range NumSignals {
			x[i][k] = (s.Signals[k] - mean[k]) / scale[k]
		}
		x[i][dim-1] = 1
	}
	var w [dim]float64
	for range newtonSteps {
		var grad [dim]float64
		var hess [dim][dim]float64
		for i, s := range samples {
			var z float64
			for k := range dim {
				z += w[k] * x[i][k]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if s.Right {
				y = 1
			}
			for k := range dim {
				grad[k] += s.Weight * (p - y) * x[i][k]
				for j := range dim {
					hess[k][j] += s.Weight * p * (1 - p) * x[i][k] * x[i][j]
				}
			}
		}
		for k := range dim - 1 { // the bias is not penalised
			grad[k] += l2 * n * w[k]
			hess[k][k] += l2 * n
		}
		step, ok := solve(hess, grad)
		if !ok {
			break
		}
		for k := range dim {
			w[k] -= step[k]
		}
	}
	for k := range NumSignals {
		weight[k] = w[k]
	}
	return mean, scale, weight, w[dim-1]
}

// dim is the size of the decliner's weights: the signals, then the bias.
const dim = int(NumSignals) + 1

// newtonSteps is how many steps of Newton's method FitDecline takes: a
// logistic regression of a few signals converges in fewer.
const newtonSteps = 25

// solve solves a·x = b by Gaussian elimination with partial pivoting; it
// reports false for a singular a.
func solve(a [dim][dim]float64, b [dim]float64) ([dim]float64, bool) {
	const n = dim
	var x [dim]float64
	m := a
	v := b
	for col := range n {
		p := col
		for r := col + 1; r < n; r++ {
			if math.Abs(m[r][col]) > math.Abs(m[p][col]) {
				p = r
			}
		}
		if math.Abs(m[p][col]) < 1e-12 {
			return x, false
		}
		m[col], m[p] = m[p], m[col]
		v[col], v[p] = v[p], v[col]
		for r := col + 1; r < n; r++ {
			f := m[r][col] / m[col][col]
			for c := col; c < n; c++ {
				m[r][c] -= f * m[col][c]
			}
			v[r] -= f * v[col]
		}
	}
	for r := n - 1; r >= 0; r-- {
		s := v[r]
		for c := r + 1; c < n; c++ {
			s -= m[r][c] * x[c]
		}
		x[r] = s / m[r][r]
	}
	return x, true
}
