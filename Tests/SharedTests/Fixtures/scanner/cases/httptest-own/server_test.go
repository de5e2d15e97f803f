package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRouter(t *testing.T) {
	srv := httptest.NewServer(NewRouter())
	defer srv.Close()
	_, _ = http.Get(srv.URL + "/health")
}

func TestWeatherClient(t *testing.T) {
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	}))
	defer fake.Close()
}
