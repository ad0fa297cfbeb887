"""What newslint keeps between runs: the cache folder, results, rule stores, compiled patterns."""
