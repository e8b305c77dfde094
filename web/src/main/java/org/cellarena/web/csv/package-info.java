/** The one writer of every CSV the server sends (leaderboards, the admin export). */
package org.cellarena.web.csv;
