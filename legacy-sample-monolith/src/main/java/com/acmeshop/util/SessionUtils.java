package com.acmeshop.util;

import com.acmeshop.common.ShopConstants;
import com.acmeshop.exception.UnauthorizedException;
import jakarta.servlet.http.HttpSession;

/**
 * Who is the current customer? The session after login, or (legacy mobile app) an explicit customerId.
 */
public final class SessionUtils {

    private SessionUtils() {
    }

    public static void login(HttpSession session, Long customerId, String email) {
        session.setAttribute(ShopConstants.SESSION_CUSTOMER_ID, customerId);
        session.setAttribute(ShopConstants.SESSION_CUSTOMER_EMAIL, email);
    }

    public static Long currentCustomerId(HttpSession session) {
        return session == null ? null : (Long) session.getAttribute(ShopConstants.SESSION_CUSTOMER_ID);
    }

    public static Long requireCustomerId(HttpSession session, Long explicitCustomerId) {
        if (explicitCustomerId != null) {
            return explicitCustomerId;
        }
        Long fromSession = currentCustomerId(session);
        if (fromSession == null) {
            throw new UnauthorizedException(
                    "no customer: log in with POST /api/customers/login or pass customerId");
        }
        return fromSession;
    }
}
