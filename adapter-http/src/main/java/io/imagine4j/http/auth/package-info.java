/** API keys, the origin they belong to, and how they travel in headers. */
package io.imagine4j.http.auth;
