/** The one Jackson configuration every adapter's DTOs are read and written with. */
package io.imagine4j.http.json;
