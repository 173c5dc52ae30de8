package graph

// WorkClusters is a clustering of works to export with the graph (the
// clusters of a coupling or co-citation map): each work's cluster and the
// clusters' profiles.
type WorkClusters struct {
	// Network names the clustering in the export ("coupling", "cocitation").
	Network string
	// Of gives the cluster of a work (by index), for the works clustered.
	Of map[int]int
	// Clusters describe the clusters, by ID.
	Clusters []ClusterInfo
}

// ClusterInfo is what the export says of a cluster.
type ClusterInfo struct {
	ID       int      `json:"id"`
	Size     int      `json:"size"`
	Label    string   `json:"label"`
	Terms    []string `json:"terms,omitempty"`
	MeanYear float64  `json:"mean_year,omitempty"`
}
