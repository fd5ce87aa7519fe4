/** An HTTP answer as adapters see it: status, headers and body, whatever the status. */
package io.imagine4j.http.response;
