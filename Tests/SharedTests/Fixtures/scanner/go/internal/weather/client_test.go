package weather

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"
)

func TestFetch(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"t": 20}`))
	}))
	defer server.Close()

	files := fstest.MapFS{"config.json": {Data: []byte("{}")}}
	_ = files
	note := `httptest.NewServer( inside a raw string`
	_ = note
}
