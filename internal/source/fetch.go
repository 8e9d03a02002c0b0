package source

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
	"time"
)

const (
	userAgent = "dyad/1 (political event coder; +https://github.com/dyad-events/dyad)"
	accept    = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
	// maxWait caps one wait between attempts, whatever Retry-After asks for.
	maxWait = 60 * time.Second
)

// statusError is an HTTP response that was not a success.
type statusError struct {
	code   int
	status string
	wait   time.Duration // from Retry-After, 0 when absent
}

func (e *statusError) Error() string { return "HTTP " + e.status }

// fetch GETs u and returns at most MaxBytes+1 bytes of the body (the readers apply the cap and
// warn) with its Content-Type. 5xx and 429 answers, timeouts and dropped connections are retried
// up to Options.Retries times, waiting Backoff, then twice that, and so on (or longer when the
// server sends Retry-After); the wait ends early when ctx does.
func (rd *reader) fetch(u string) ([]byte, string, error) {
	var lastErr error
	attempts := 0
	for attempt := 0; attempt <= rd.opt.Retries; attempt++ {
		if attempt > 0 {
			wait := min(rd.opt.Backoff<<(attempt-1), maxWait)
			if se, ok := errors.AsType[*statusError](lastErr); ok && se.wait > wait {
				wait = min(se.wait, maxWait)
			}
			rd.log.Warn("fetch failed, retrying", "url", u, "attempt", attempt, "wait", wait, "err", lastErr)
			t := time.NewTimer(wait)
			select {
			case <-rd.ctx.Done():
				t.Stop()
				return nil, "", fmt.Errorf("%w (after %d attempts: %v)", rd.ctx.Err(), attempts, lastErr)
			case <-t.C:
			}
		}
		attempts++
		body, ct, err := rd.fetchOnce(u)
		if err == nil {
			return body, ct, nil
		}
		lastErr = err
		if !rd.retryable(err) {
			break
		}
	}
	if attempts > 1 {
		return nil, "", fmt.Errorf("%w (after %d attempts)", lastErr, attempts)
	}
	return nil, "", lastErr
}

func (rd *reader) fetchOnce(u string) ([]byte, string, error) {
	req, err := http.NewRequestWithContext(rd.ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", accept)
	resp, err := rd.opt.HTTP.Do(req)
	if err != nil {
		return nil, "", unwrapURLError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Drain a little so the connection can be reused for the retry.
		_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
		return nil, "", &statusError{code: resp.StatusCode, status: resp.Status, wait: retryAfter(resp.Header.Get("Retry-After"))}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, rd.opt.MaxBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("read body: %w", unwrapURLError(err))
	}
	if int64(len(body)) > rd.opt.MaxBytes {
		rd.log.Warn("response body over the cap, cut", "url", u, "max_bytes", rd.opt.MaxBytes)
	}
	return body, resp.Header.Get("Content-Type"), nil
}

// retryable tells transient failures (server errors, rate limits, timeouts, dropped connections)
// from permanent ones (4xx, bad URL, unknown host, TLS trouble, our own cancellation).
func (rd *reader) retryable(err error) bool {
	if rd.ctx.Err() != nil {
		return false
	}
	if se, ok := errors.AsType[*statusError](err); ok {
		return se.code >= 500 || se.code == http.StatusTooManyRequests || se.code == http.StatusRequestTimeout
	}
	if dns, ok := errors.AsType[*net.DNSError](err); ok {
		return !dns.IsNotFound
	}
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		return true
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, io.EOF)
}

// unwrapURLError drops the *url.Error wrapper, whose text repeats the method and URL that the
// Item's origin already gives.
func unwrapURLError(err error) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Err
	}
	return err
}

// retryAfter reads a Retry-After header given in seconds; HTTP dates are rare and ignored.
func retryAfter(v string) time.Duration {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}
