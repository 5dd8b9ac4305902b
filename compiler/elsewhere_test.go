package compiler

import "testing"

// TestBrokerDefaultsAreCatalogued checks the topic-to-broker table against
// the catalogs: every topic key is a topic.properties key, every twin a
// server.properties key, and no topic key is itself a broker key.
func TestBrokerDefaultsAreCatalogued(t *testing.T) {
	options, err := allOptions()
	if err != nil {
		t.Fatal(err)
	}
	has := func(file, key string) bool {
		for _, o := range options {
			if o.File == file && !o.Pattern && o.Key == key {
				return true
			}
		}
		return false
	}
	for topicKey, brokerKey := range brokerDefaults {
		if !has("topic.properties", topicKey) {
			t.Errorf("%s is no topic.properties key", topicKey)
		}
		if !has("server.properties", brokerKey) {
			t.Errorf("%s (twin of %s) is no server.properties key", brokerKey, topicKey)
		}
		if has("server.properties", topicKey) {
			t.Errorf("%s is a server.properties key itself: no twin to name", topicKey)
		}
	}
}
