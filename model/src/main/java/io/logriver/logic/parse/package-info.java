/**
 * Reading records: requests and sessions parsed and validated (rejections name the field), event times, and the filter
 * rules.
 */
package io.logriver.logic.parse;
