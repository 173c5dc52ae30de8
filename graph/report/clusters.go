package report

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/scimap"
)

// MapSummary is one science map in the report: what it shows and its
// clusters.
type MapSummary struct {
	Network string `json:"network"`
	Unit    string `json:"unit"`
	// Caption says what the map shows, or why it is empty or trivial.
	Caption  string       `json:"caption"`
	Nodes    int          `json:"nodes"`
	Links    int          `json:"links"`
	Clusters []ClusterRow `json:"clusters"`
}

// ClusterRow is one cluster of a map.
type ClusterRow struct {
	ID       int     `json:"id"`
	Size     int     `json:"size"`
	MeanYear float64 `json:"mean_year,omitempty"`
	Label    string  `json:"label"`
	// Largest are the cluster's nodes of largest count.
	Largest []string `json:"largest"`
	// CitedBy are the corpus works citing its works most.
	CitedBy []string `json:"cited_most_by,omitempty"`
}

// mapSummaries turns the maps into report rows.
func mapSummaries(g *graph.Graph, maps []*scimap.Map) []MapSummary {
	var out []MapSummary
	for _, m := range maps {
		s := MapSummary{Network: string(m.Network.Kind), Unit: string(m.Network.Unit), Caption: m.Caption,
			Nodes: len(m.Network.Nodes), Links: len(m.Network.Edges), Clusters: []ClusterRow{}}
		for _, c := range m.Clusters {
			row := ClusterRow{ID: c.ID + 1, Size: c.Size, MeanYear: float64(int(c.MeanYear*10+0.5)) / 10, Label: c.Label,
				Largest: []string{}}
			for _, i := range c.Top {
				row.Largest = append(row.Largest, m.Network.Nodes[i].Label)
			}
			for _, x := range c.Citing {
				row.CitedBy = append(row.CitedBy, fmt.Sprintf("%s (%d)", m.WorkLabels[x.Work], x.Count))
			}
			s.Clusters = append(s.Clusters, row)
		}
		out = append(out, s)
	}
	return out
}

// maxClusterRows is the number of clusters the text report lists per map.
const maxClusterRows = 8

// writeMapsText writes the science maps section of the text report.
func writeMapsText(bw *bufio.Writer, r *Report, width int, head func(string), dim, reset string) {
	if len(r.Maps) == 0 {
		return
	}
	head("Science maps (clusters of shared references, keywords and co-authors)")
	for _, m := range r.Maps {
		bw.WriteString(wrapText(m.Caption, width, "  "))
		if len(m.Clusters) == 0 {
			continue
		}
		labelW := max(16, width-2-4-6-6-1)
		fmt.Fprintf(bw, "  %3s %5s %5s %s\n", "#", "SIZE", "YEAR", "LABEL")
		for k, c := range m.Clusters {
			if k == maxClusterRows {
				bw.WriteString(dim + wrapText(fmt.Sprintf("… and %d more clusters (citegraph map -network %s -unit %s lists all).",
					len(m.Clusters)-k, m.Network, m.Unit), width, "  ") + reset)
				break
			}
			fmt.Fprintf(bw, "  %3d %5d %5s %s\n", c.ID, c.Size, meanYear(c.MeanYear), cut(c.Label, labelW))
			if k < 3 {
				bw.WriteString(dim + wrapText("largest: "+strings.Join(c.Largest, "; "), width, "              ") + reset)
			}
		}
	}
}

// writeMapsMarkdown writes the science maps section of the Markdown report.
func writeMapsMarkdown(bw *bufio.Writer, r *Report, md func(string) string) {
	if len(r.Maps) == 0 {
		return
	}
	fmt.Fprintf(bw, "\n## Science maps\n")
	for _, m := range r.Maps {
		fmt.Fprintf(bw, "\n%s\n", md(m.Caption))
		if len(m.Clusters) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n| # | size | year | label | largest |\n|---:|---:|---:|---|---|\n")
		for _, c := range m.Clusters {
			fmt.Fprintf(bw, "| %d | %d | %s | %s | %s |\n", c.ID, c.Size, meanYear(c.MeanYear), md(c.Label),
				md(strings.Join(c.Largest, "; ")))
		}
	}
}

func meanYear(y float64) string {
	if y <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", y)
}
