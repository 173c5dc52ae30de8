package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxBody bounds a response body.
const maxBody = 64 << 20

// errNotFound is a 404 answer, which a single-work lookup takes as "unknown".
var errNotFound = errors.New("404 Not Found")

// retryable marks a failure worth another attempt; after, when set, is how
// long the server asked to wait.
type retryable struct {
	err   error
	after time.Duration
}

func (e *retryable) Error() string { return e.err.Error() }
func (e *retryable) Unwrap() error { return e.err }

// get sends GET path?q (with mailto and api_key added) and returns the
// query as shown in the cache, and the body of a 200 response that is
// complete JSON. Failures for a passing reason are retried with backoff,
// or after the wait a Retry-After header asks for.
func (c *Client) get(ctx context.Context, path string, q url.Values) (shown string, body []byte, err error) {
	u := *c.base
	u.Path = strings.TrimRight(u.Path, "/") + path
	u.RawQuery = q.Encode()
	shown = u.String()
	full := url.Values{}
	for k, v := range q {
		full[k] = v
	}
	if c.opt.Mailto != "" {
		full.Set("mailto", c.opt.Mailto)
	}
	if c.opt.APIKey != "" && c.opt.Source == "openalex" {
		full.Set("api_key", c.opt.APIKey)
	}
	u.RawQuery = full.Encode()
	for attempt := 0; ; attempt++ {
		if c.opt.MaxRequests > 0 && c.stats.Requests >= c.opt.MaxRequests {
			return shown, nil, errBudget
		}
		if wait := c.opt.Interval - c.now().Sub(c.last); !c.last.IsZero() && wait > 0 {
			if err := c.sleep(ctx, wait); err != nil {
				return shown, nil, err
			}
		}
		c.runDate()
		c.last = c.now()
		c.stats.Requests++
		body, err = c.once(ctx, &u)
		if err == nil {
			return shown, body, nil
		}
		var re *retryable
		if !errors.As(err, &re) {
			return shown, nil, err
		}
		if attempt >= c.opt.Retries {
			return shown, nil, fmt.Errorf("%s: %v (gave up after %d attempts)", c.opt.Source, re.err, attempt+1)
		}
		wait, why := c.opt.Backoff<<min(attempt, 5), "backoff"
		if re.after > 0 {
			wait, why = re.after, "Retry-After"
		}
		if wait > maxRetryAfter {
			return shown, nil, fmt.Errorf("%s: %v, and asks to wait %s before the next request (a daily limit?): try later, or use -offline",
				c.opt.Source, re.err, wait.Round(time.Second))
		}
		c.stats.Retries++
		c.progressf("%s: %v; retry %d of %d in %s (%s)", c.opt.Source, re.err, attempt+1, c.opt.Retries, wait, why)
		if err := c.sleep(ctx, wait); err != nil {
			return shown, nil, err
		}
	}
}

// once sends one request.
func (c *Client) once(ctx context.Context, u *url.URL) ([]byte, error) {
	rctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	ua := "citegraph (https://github.com/citegraph/citegraph)"
	if c.opt.Mailto != "" {
		ua = "citegraph (https://github.com/citegraph/citegraph; mailto:" + c.opt.Mailto + ")"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.netError(ctx, rctx, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if rctx.Err() != nil {
			return nil, &retryable{err: fmt.Errorf("response not complete within %s", c.opt.Timeout)}
		}
		return nil, &retryable{err: fmt.Errorf("response cut off (%v)", err)}
	}
	if len(body) > maxBody {
		return nil, fmt.Errorf("%s: response larger than %d MiB", c.opt.Source, maxBody>>20)
	}
	status := fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	switch {
	case resp.StatusCode == http.StatusOK:
		if !json.Valid(body) {
			return nil, &retryable{err: fmt.Errorf("response cut off or not JSON (%d bytes)", len(body))}
		}
		return body, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 ||
		resp.StatusCode == http.StatusForbidden && resp.Header.Get("Retry-After") != "":
		return nil, &retryable{err: errors.New(status + apiMessage(body, resp.StatusCode)), after: retryAfter(resp.Header.Get("Retry-After"), c.now())}
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil, fmt.Errorf("%s: %w%s (%s)", c.opt.Source, errNotFound, apiMessage(body, resp.StatusCode), u.Redacted())
	}
	return nil, fmt.Errorf("%s: %s%s (%s)", c.opt.Source, status, apiMessage(body, resp.StatusCode), u.Redacted())
}

// netError words a failure to get any response.
func (c *Client) netError(ctx, rctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var dns *net.DNSError
	var op *net.OpError
	if errors.As(err, &dns) || errors.As(err, &op) && op.Op == "dial" {
		why := err
		if dns != nil {
			why = dns
		} else if op.Err != nil {
			why = op.Err
		}
		return fmt.Errorf("%s: cannot reach %s (%v): offline? -offline works from the cache alone",
			c.opt.Source, c.base.Host, why)
	}
	if rctx.Err() != nil {
		return &retryable{err: fmt.Errorf("no response within %s", c.opt.Timeout)}
	}
	return &retryable{err: err}
}

// apiMessage returns ": message" from an API's JSON error body, if any,
// leaving out what only repeats the status.
func apiMessage(body []byte, status int) string {
	var e struct {
		Error   any `json:"error"`
		Message any `json:"message"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	var parts []string
	for _, v := range []any{e.Error, e.Message} {
		switch v := v.(type) {
		case string:
			if v != "" && v != http.StatusText(status) {
				parts = append(parts, v)
			}
		case []any:
			for _, m := range v {
				if m, ok := m.(map[string]any); ok {
					if s, ok := m["message"].(string); ok {
						parts = append(parts, s)
					}
				}
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	msg := strings.Join(parts, ": ")
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return ": " + msg
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now).Round(time.Second)
	}
	return 0
}

// sleepCtx waits for d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
