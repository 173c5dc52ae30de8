// Package layout places the nodes of a weighted undirected network in the
// plane so that related nodes sit together: the VOS layout of VOSviewer
// (van Eck, Waltman, Dekker & van den Berg 2010), minimising
//
//	E(x) = Σ_links s_ij·d_ij²/2 − Σ_pairs d_ij + g·Σ_i |x_i|²/2
//
// with s_ij the link weights and d_ij the distances: links attract with a
// force growing with distance, every pair repels with a constant force.
// The small gravity g keeps apart components from drifting away. The
// all-pairs repulsion is approximated with a Barnes–Hut quadtree, so an
// iteration costs O(links + n log n), never n².
package layout

import (
	"math"
	"math/rand/v2"
)

// Edge is a link of the network to lay out: nodes A and B, weight W > 0.
type Edge struct {
	A, B int32
	W    float64
}

// Point is a position in the plane.
type Point struct{ X, Y float64 }

// Options controls VOS. The zero value runs 400 iterations from seed 0.
type Options struct {
	// Seed makes the random start repeatable.
	Seed uint64
	// Iterations is the number of improvement steps; 0 means 400.
	Iterations int
	// Groups, when set, gives each node a group (its cluster, or -1): the
	// nodes of a group start around one point, groups around a circle, so
	// that the optimisation starts from separated clusters.
	Groups []int32
	// Theta is the Barnes–Hut opening angle; 0 means 0.8.
	Theta float64
	// Gravity scales the pull towards the centre that keeps weakly linked
	// groups near the rest; 0 means 1.
	Gravity float64
	// Cohesion, with Groups, pulls each node towards its group's centre,
	// as a share of the mean weighted degree: 0 adds no pull, 0.3 keeps
	// clusters visibly apart while links still place the nodes.
	Cohesion float64
}

// VOS returns positions for the n nodes of the network whose links are
// edges, centred on the origin, the main axis horizontal.
func VOS(n int, edges []Edge, opt *Options) []Point {
	o := Options{}
	if opt != nil {
		o = *opt
	}
	iters := o.Iterations
	if iters <= 0 {
		iters = 400
	}
	theta := o.Theta
	if theta <= 0 {
		theta = 0.8
	}
	pos := make([]Point, n)
	if n == 0 {
		return pos
	}
	// weights scaled to mean 1, so that distances are about 1 per link
	var es []Edge
	sum := 0.0
	for _, e := range edges {
		if e.A != e.B && e.W > 0 && e.A >= 0 && e.B >= 0 && int(e.A) < n && int(e.B) < n {
			es = append(es, e)
			sum += e.W
		}
	}
	if len(es) > 0 {
		mean := sum / float64(len(es))
		for i := range es {
			es[i].W /= mean
		}
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x1a70))
	start(pos, o.Groups, rng)
	// the pull towards the group centres
	var kappa float64
	var gx, gy, gn []float64
	if o.Cohesion > 0 && len(o.Groups) == n {
		ng := int32(0)
		for _, c := range o.Groups {
			ng = max(ng, c+1)
		}
		gx, gy, gn = make([]float64, ng), make([]float64, ng), make([]float64, ng)
		kappa = o.Cohesion * 2 * float64(len(es)) / float64(n) // weights have mean 1
	}
	// gravity: strong enough to hold a weakly linked group within a few
	// times the layout's radius (about √n): the repulsion of the n nodes,
	// about n, balances g·d at d ≈ n/g
	g := math.Sqrt(float64(n))
	if o.Gravity > 0 {
		g *= o.Gravity
	}
	force := make([]Point, n)
	step := math.Sqrt(float64(n)) / 10
	prevEnergy := math.Inf(1)
	progress := 0
	tree := &quadtree{}
	for it := 0; it < iters; it++ {
		for i := range force {
			force[i] = Point{-g * pos[i].X, -g * pos[i].Y}
		}
		if kappa > 0 {
			clear(gx)
			clear(gy)
			clear(gn)
			for i, c := range o.Groups {
				if c >= 0 {
					gx[c] += pos[i].X
					gy[c] += pos[i].Y
					gn[c]++
				}
			}
			for i, c := range o.Groups {
				if c >= 0 && gn[c] > 1 {
					force[i].X += kappa * (gx[c]/gn[c] - pos[i].X)
					force[i].Y += kappa * (gy[c]/gn[c] - pos[i].Y)
				}
			}
		}
		for _, e := range es {
			a, b := &pos[e.A], &pos[e.B]
			dx, dy := b.X-a.X, b.Y-a.Y
			force[e.A].X += e.W * dx
			force[e.A].Y += e.W * dy
			force[e.B].X -= e.W * dx
			force[e.B].Y -= e.W * dy
		}
		tree.build(pos)
		for i := range pos {
			fx, fy := tree.repulsion(pos[i], theta)
			force[i].X += fx
			force[i].Y += fy
		}
		// Hu's adaptive step: move each node by step along its force;
		// lengthen the step while the total force keeps falling
		energy := 0.0
		for i := range pos {
			f := math.Hypot(force[i].X, force[i].Y)
			energy += f * f
			if f > 0 {
				pos[i].X += step * force[i].X / f
				pos[i].Y += step * force[i].Y / f
			}
		}
		if energy < prevEnergy {
			progress++
			if progress >= 5 {
				progress = 0
				step /= 0.9
			}
		} else {
			progress = 0
			step *= 0.9
		}
		prevEnergy = energy
	}
	orient(pos)
	return pos
}

// start places the nodes: around their group's point on a circle when
// groups are given, else at random in a disc.
func start(pos []Point, groups []int32, rng *rand.Rand) {
	n := len(pos)
	r := math.Sqrt(float64(n))
	ng := int32(0)
	if len(groups) == n {
		for _, c := range groups {
			ng = max(ng, c+1)
		}
	}
	for i := range pos {
		a, d := 2*math.Pi*rng.Float64(), r*math.Sqrt(rng.Float64())
		if ng > 1 && groups[i] >= 0 {
			// a group of k nodes takes a disc of radius about √k
			c := float64(groups[i])
			ca := 2 * math.Pi * c / float64(ng)
			pos[i] = Point{r * math.Cos(ca), r * math.Sin(ca)}
			d /= math.Sqrt(float64(ng))
			pos[i].X += d * math.Cos(a)
			pos[i].Y += d * math.Sin(a)
			continue
		}
		pos[i] = Point{d * math.Cos(a), d * math.Sin(a)}
	}
}

// orient centres the layout on its mean and rotates it so that its main
// axis (of largest variance) is horizontal, with the heavier half of the
// nodes on the left, so that maps of the same network look alike.
func orient(pos []Point) {
	n := float64(len(pos))
	var mx, my float64
	for _, p := range pos {
		mx += p.X
		my += p.Y
	}
	mx, my = mx/n, my/n
	var sxx, syy, sxy float64
	for i := range pos {
		pos[i].X -= mx
		pos[i].Y -= my
		sxx += pos[i].X * pos[i].X
		syy += pos[i].Y * pos[i].Y
		sxy += pos[i].X * pos[i].Y
	}
	a := 0.5 * math.Atan2(2*sxy, sxx-syy)
	c, s := math.Cos(-a), math.Sin(-a)
	skew := 0.0
	for i, p := range pos {
		pos[i] = Point{c*p.X - s*p.Y, s*p.X + c*p.Y}
		skew += pos[i].X * pos[i].X * pos[i].X
	}
	if skew > 0 {
		for i := range pos {
			pos[i].X = -pos[i].X
		}
	}
}

// quadtree is a Barnes–Hut tree over the points, in flat arrays.
type quadtree struct {
	cells []cell
	stack []int32
}

// cell is a square of the tree: its centre and half size, the number and
// centre of mass of its points, and its first child (4 in a row) or -1.
type cell struct {
	cx, cy, half float64
	count        int
	mx, my       float64
	child        int32
	point        int32 // the single point of a leaf, or -1
}

const maxDepth = 40

// build makes the tree of the points.
func (t *quadtree) build(pos []Point) {
	t.cells = t.cells[:0]
	lo, hi := Bounds(pos)
	half := max(hi.X-lo.X, hi.Y-lo.Y)/2 + 1e-9
	t.cells = append(t.cells, cell{cx: (lo.X + hi.X) / 2, cy: (lo.Y + hi.Y) / 2, half: half, child: -1, point: -1})
	for i := range pos {
		t.insert(int32(i), pos)
	}
}

// insert adds point i to the tree.
func (t *quadtree) insert(i int32, pos []Point) {
	p := pos[i]
	c := int32(0)
	for depth := 0; ; depth++ {
		cl := &t.cells[c]
		if cl.count == 0 {
			cl.count, cl.mx, cl.my, cl.point = 1, p.X, p.Y, i
			return
		}
		n := float64(cl.count)
		cl.mx = (cl.mx*n + p.X) / (n + 1)
		cl.my = (cl.my*n + p.Y) / (n + 1)
		cl.count++
		if cl.child < 0 {
			if depth >= maxDepth {
				return // points on top of each other: one mass
			}
			// split the leaf and move its point down
			old, h := cl.point, cl.half/2
			cx, cy := cl.cx, cl.cy
			first := int32(len(t.cells))
			cl.child, cl.point = first, -1
			for k := 0; k < 4; k++ {
				dx, dy := -h, -h
				if k&1 != 0 {
					dx = h
				}
				if k&2 != 0 {
					dy = h
				}
				t.cells = append(t.cells, cell{cx: cx + dx, cy: cy + dy, half: h, child: -1, point: -1})
			}
			cl = &t.cells[c]
			q := pos[old]
			oc := &t.cells[first+quadrant(cl, q)]
			oc.count, oc.mx, oc.my, oc.point = 1, q.X, q.Y, old
		}
		c = cl.child + quadrant(cl, p)
	}
}

// quadrant is the child index (0-3) of cell cl holding p.
func quadrant(cl *cell, p Point) int32 {
	k := int32(0)
	if p.X >= cl.cx {
		k |= 1
	}
	if p.Y >= cl.cy {
		k |= 2
	}
	return k
}

// repulsion returns Σ_j (p − x_j)/|p − x_j| over the points, with cells
// far enough (size/distance < theta) taken as one mass.
func (t *quadtree) repulsion(p Point, theta float64) (fx, fy float64) {
	stack := append(t.stack[:0], 0)
	defer func() { t.stack = stack }()
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		cl := &t.cells[c]
		if cl.count == 0 {
			continue
		}
		dx, dy := p.X-cl.mx, p.Y-cl.my
		d := math.Hypot(dx, dy)
		if cl.child < 0 || 2*cl.half < theta*d {
			if d < 1e-9 {
				continue // the point itself (or one on top of it)
			}
			fx += float64(cl.count) * dx / d
			fy += float64(cl.count) * dy / d
			continue
		}
		stack = append(stack, cl.child, cl.child+1, cl.child+2, cl.child+3)
	}
	return fx, fy
}

// Separation measures how well a layout keeps groups apart: the mean
// silhouette of the nodes with a group (−1 … 1; higher is better), each
// node's mean distance to its own group against that to the nearest other
// group, from the groups' centres and spreads (O(n·groups)).
func Separation(pos []Point, groups []int32) float64 {
	ng := int32(0)
	for _, g := range groups {
		ng = max(ng, g+1)
	}
	if ng < 2 {
		return 0
	}
	cx, cy, cnt := make([]float64, ng), make([]float64, ng), make([]float64, ng)
	for i, g := range groups {
		if g >= 0 {
			cx[g] += pos[i].X
			cy[g] += pos[i].Y
			cnt[g]++
		}
	}
	for g := range cx {
		if cnt[g] > 0 {
			cx[g] /= cnt[g]
			cy[g] /= cnt[g]
		}
	}
	// mean distance from a point to the members of group g ≈ distance to
	// the centre combined with the group's spread
	spread := make([]float64, ng)
	for i, g := range groups {
		if g >= 0 {
			spread[g] += math.Hypot(pos[i].X-cx[g], pos[i].Y-cy[g])
		}
	}
	for g := range spread {
		if cnt[g] > 0 {
			spread[g] /= cnt[g]
		}
	}
	total, m := 0.0, 0
	for i, g := range groups {
		if g < 0 || cnt[g] < 2 {
			continue
		}
		a := math.Hypot(pos[i].X-cx[g], pos[i].Y-cy[g]) + spread[g]
		b := math.Inf(1)
		for h := int32(0); h < ng; h++ {
			if h != g && cnt[h] > 0 {
				b = min(b, math.Hypot(pos[i].X-cx[h], pos[i].Y-cy[h])+spread[h])
			}
		}
		if math.IsInf(b, 1) {
			continue
		}
		total += (b - a) / max(a, b)
		m++
	}
	if m == 0 {
		return 0
	}
	return total / float64(m)
}

// Bounds returns the smallest and largest coordinates of the points.
func Bounds(pos []Point) (lo, hi Point) {
	if len(pos) == 0 {
		return
	}
	lo, hi = pos[0], pos[0]
	for _, p := range pos[1:] {
		lo.X, lo.Y = min(lo.X, p.X), min(lo.Y, p.Y)
		hi.X, hi.Y = max(hi.X, p.X), max(hi.Y, p.Y)
	}
	return lo, hi
}
